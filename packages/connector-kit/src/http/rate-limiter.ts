// Token bucket per connection. One bucket is shared by every client opened for the same connection
// key in this process, so parallel activities on one worker respect the remote's limit together.

export interface RateLimit {
  /** Sustained requests per second. */
  ratePerSec: number;
  /** Requests allowed at once after a quiet spell. */
  burst: number;
}

export class TokenBucket {
  readonly #limit: RateLimit;
  #tokens: number;
  #updatedAt = Date.now();
  #pausedUntil = 0;

  constructor(limit: RateLimit) {
    if (!(limit.ratePerSec > 0) || !(limit.burst >= 1)) throw new RangeError('rate limit needs ratePerSec > 0 and burst >= 1');
    this.#limit = limit;
    this.#tokens = limit.burst;
  }

  /** Holds every caller until this time, e.g. after a 429 with Retry-After. */
  pauseUntil(epochMs: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, epochMs);
  }

  /** Milliseconds until a token is free, or 0 after taking one. */
  tryTake(now = Date.now()): number {
    if (now < this.#pausedUntil) return this.#pausedUntil - now;
    this.#tokens = Math.min(this.#limit.burst, this.#tokens + (Math.max(0, now - this.#updatedAt) / 1000) * this.#limit.ratePerSec);
    this.#updatedAt = Math.max(this.#updatedAt, now);
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.#tokens) / this.#limit.ratePerSec) * 1000);
  }

  /**
   * Waits for a token and returns 0, or returns the wait without taking a token when it would exceed
   * `maxWaitMs` (e.g. during a long Retry-After pause), so the caller can hand the delay to its engine.
   * Rejects with the signal's reason if cancelled meanwhile. `onWait` hears how long a successful take slept.
   */
  async take(opts: { signal?: AbortSignal; maxWaitMs?: number; onWait?: (waitedMs: number) => void } = {}): Promise<number> {
    let waited = 0;
    for (;;) {
      opts.signal?.throwIfAborted();
      const wait = this.tryTake();
      if (wait === 0) {
        if (waited > 0) opts.onWait?.(waited);
        return 0;
      }
      if (opts.maxWaitMs !== undefined && wait > opts.maxWaitMs) return wait;
      await sleep(wait, opts.signal);
      waited += wait;
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const buckets = new Map<string, TokenBucket>();

/** The process-wide bucket for a connection key; created on first use with `limit`. */
export function sharedBucket(key: string, limit: RateLimit): TokenBucket {
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = new TokenBucket(limit);
    buckets.set(key, bucket);
  }
  return bucket;
}
