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
  /** Requests per second per API key; above it 429 + Retry-After. null = unlimited (Streak publishes none). */
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
  latencyMs: 0, errorRate: 0, errorStatus: 503, burst429: { count: 0, retryAfterSeconds: 1 },
  rateLimitPerSecond: null, webhookDropRate: 0, webhookDelayMs: 0, webhookRetryBaseMs: 1000, webhookMaxAttempts: 6,
});

export class FaultInjector {
  faults: Faults = defaultFaults();
  private window = { second: 0, counts: new Map<string, number>() };

  constructor(private readonly random: () => number = Math.random) {}

  update(patch: unknown): Faults {
    this.faults = faultsSchema.parse({ ...this.faults, ...(patch as object) });
    return this.faults;
  }

  reset(): void {
    this.faults = defaultFaults();
    this.window = { second: 0, counts: new Map() };
  }

  /** Throws the injected failure for this request, if any, after the injected latency. */
  async apply(clientId: string): Promise<void> {
    const f = this.faults;
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (f.rateLimitPerSecond !== null) {
      const second = Math.floor(Date.now() / 1000);
      if (second !== this.window.second) this.window = { second, counts: new Map() };
      const n = (this.window.counts.get(clientId) ?? 0) + 1;
      this.window.counts.set(clientId, n);
      if (n > f.rateLimitPerSecond) throw tooMany(1);
    }
    if (f.burst429.count > 0) {
      f.burst429.count--;
      throw tooMany(f.burst429.retryAfterSeconds);
    }
    if (f.errorRate > 0 && this.random() < f.errorRate) {
      throw new ApiError(f.errorStatus, 'Internal server error (injected by the sandbox)');
    }
  }

  dropWebhook(): boolean {
    return this.faults.webhookDropRate > 0 && this.random() < this.faults.webhookDropRate;
  }
}

const tooMany = (seconds: number): ApiError =>
  new ApiError(429, 'Too many requests, slow down', { 'retry-after': String(seconds) });
