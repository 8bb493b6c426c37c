import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rate-limiter';

describe('TokenBucket', () => {
  it('allows a burst, then asks the caller to wait for the refill', () => {
    const bucket = new TokenBucket({ ratePerSec: 2, burst: 3 });
    const t0 = Date.now();
    expect([bucket.tryTake(t0), bucket.tryTake(t0), bucket.tryTake(t0)]).toEqual([0, 0, 0]);
    expect(bucket.tryTake(t0)).toBe(500);
    expect(bucket.tryTake(t0 + 500)).toBe(0);
  });

  it('holds everyone during a Retry-After pause', () => {
    const bucket = new TokenBucket({ ratePerSec: 100, burst: 100 });
    const now = Date.now();
    bucket.pauseUntil(now + 2000);
    expect(bucket.tryTake(now)).toBe(2000);
    expect(bucket.tryTake(now + 2000)).toBe(0);
  });

  it('reports a wait longer than the caller accepts instead of sleeping through it', async () => {
    const bucket = new TokenBucket({ ratePerSec: 100, burst: 100 });
    bucket.pauseUntil(Date.now() + 60_000);
    expect(await bucket.take({ maxWaitMs: 1000 })).toBeGreaterThan(1000);
  });

  it('stops waiting when cancelled', async () => {
    const bucket = new TokenBucket({ ratePerSec: 0.001, burst: 1 });
    bucket.tryTake();
    const ctl = new AbortController();
    const waiting = bucket.take({ signal: ctl.signal });
    ctl.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });

  it('rejects nonsense limits', () => {
    expect(() => new TokenBucket({ ratePerSec: 0, burst: 1 })).toThrow(RangeError);
  });
});
