// Fault injection for /api/* (set through /__sandbox/faults). Not part of Streak: it exists so the
// connector's retry, back-off and Retry-After handling can be exercised on demand.
import { z } from 'zod';
import { ApiError } from './errors';

export const faultsSchema = z.object({
  /** Added to every API request, in milliseconds. */
  latencyMs: z.number().int().min(0).max(60_000),
  /** Share of API requests (0..1) answered with `errorStatus`. */
  errorRate: z.number().min(0).max(1),
  errorStatus: z.number().int().min(500).max(599),
  /** The next `count` API requests get 429 with `Retry-After: retryAfterSeconds`. */
  burst429: z.object({ count: z.number().int().min(0), retryAfterSeconds: z.number().int().min(0) }),
  /** Sustained requests per second per API key (token bucket, burst = rate); above it 429 + Retry-After. null = unlimited (Streak publishes none). */
  rateLimitPerSecond: z.number().int().min(1).nullable(),
  /** Share of webhook deliveries (0..1) silently dropped. */
  webhookDropRate: z.number().min(0).max(1),
  /** Delay before each webhook delivery attempt, in milliseconds. */
  webhookDelayMs: z.number().int().min(0).max(600_000),
  /** Back-off base for webhook retries (doubles each attempt) and the attempt cap. */
  webhookRetryBaseMs: z.number().int().min(1).max(3_600_000),
  webhookMaxAttempts: z.number().int().min(1).max(20),
});

export type Faults = z.infer<typeof faultsSchema>;

export const defaultFaults = (): Faults => ({
  latencyMs: 0,
  errorRate: 0,
  errorStatus: 503,
  burst429: { count: 0, retryAfterSeconds: 1 },
  rateLimitPerSecond: null,
  webhookDropRate: 0,
  webhookDelayMs: 0,
  webhookRetryBaseMs: 1000,
  webhookMaxAttempts: 6,
});

export class FaultInjector {
  faults: Faults = defaultFaults();
  /** Token buckets per client for `rateLimitPerSecond`: capacity = rate, refilled continuously. */
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly random: () => number = Math.random) {}

  update(patch: unknown): Faults {
    this.faults = faultsSchema.parse({ ...this.faults, ...(patch as object) });
    return this.faults;
  }

  reset(): void {
    this.faults = defaultFaults();
    this.buckets.clear();
  }

  /** Throws the injected failure for this request, if any, after the injected latency. */
  async apply(clientId: string): Promise<void> {
    const f = this.faults;
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (f.rateLimitPerSecond !== null) this.takeToken(clientId, f.rateLimitPerSecond);
    if (f.burst429.count > 0) {
      f.burst429.count--;
      throw tooMany(f.burst429.retryAfterSeconds);
    }
    if (f.errorRate > 0 && this.random() < f.errorRate) {
      throw new ApiError(f.errorStatus, 'Internal server error (injected by the sandbox)');
    }
  }

  /** A rejected request costs nothing; Retry-After is the wait until a token is back, in whole seconds. */
  private takeToken(clientId: string, rate: number): void {
    const now = Date.now();
    const b = this.buckets.get(clientId) ?? { tokens: rate, at: now };
    b.tokens = Math.min(rate, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    this.buckets.set(clientId, b);
    if (b.tokens < 1) throw tooMany(Math.max(1, Math.ceil((1 - b.tokens) / rate)));
    b.tokens -= 1;
  }

  dropWebhook(): boolean {
    return this.faults.webhookDropRate > 0 && this.random() < this.faults.webhookDropRate;
  }
}

const tooMany = (seconds: number): ApiError =>
  new ApiError(429, 'Too many requests, slow down', { 'retry-after': String(seconds) });
