import { describe, expect, it } from 'vitest';
import { ConnectorError, PermanentError, RateLimitedError, RetryableError, errorFromJSON, retryDecision } from './errors';

describe('connector errors', () => {
  it('round-trip through JSON with type, reason, subject and delay intact', () => {
    const errors = [
      new PermanentError('not_found', { message: 'Streak: pipeline Sales not found', connector: 'Streak', subject: { type: 'pipeline', key: 'p1', name: 'Sales' }, status: 404, remoteMessage: 'existing entity does not exist' }),
      new RetryableError('lock', { message: 'Sage 100: customer 01-ABF is locked', retryAfterMs: 2000 }),
      new RateLimitedError({ message: 'slow down', retryAfterMs: 1500, status: 429 }),
      new PermanentError('validation', { message: 'bad', issues: [{ path: 'name', message: 'Required' }] }),
    ];
    for (const e of errors) {
      const wire = JSON.parse(JSON.stringify(e)) as unknown;
      const back = errorFromJSON(wire);
      expect(back).toBeInstanceOf(e.constructor);
      expect(ConnectorError.fromJSON(wire)).toEqual(back);
      expect(back.toJSON()).toEqual(e.toJSON());
    }
  });

  it('gives the engine a retry decision per class', () => {
    expect(retryDecision(new PermanentError('auth', { message: 'x' }))).toMatchObject({ retryable: false, type: 'PermanentError' });
    expect(retryDecision(new RetryableError('server', { message: 'x' }))).toEqual({ retryable: true, type: 'RetryableError', message: 'x' });
    expect(retryDecision(new RateLimitedError({ message: 'x', retryAfterMs: 3000 }))).toMatchObject({ retryable: true, delayMs: 3000, type: 'RateLimitedError' });
  });

  it('treats foreign exceptions and unreadable payloads as permanent internal errors', () => {
    expect(retryDecision(new TypeError('x is undefined'))).toMatchObject({ retryable: false, message: 'unexpected error: x is undefined' });
    const e = errorFromJSON({ type: 'Nope' });
    expect(e).toBeInstanceOf(PermanentError);
    expect(e.reason).toBe('internal');
  });
});
