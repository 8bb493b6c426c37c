import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact';

describe('createRedactor', () => {
  it('masks secrets, sensitive query params and credential-named keys, recursively', () => {
    const redact = createRedactor(['strk_secret123']);
    expect(redact('key strk_secret123 leaked')).toBe('key [REDACTED] leaked');
    expect(redact('/v2/x?token=abc&pipelineKey=p1')).toBe('/v2/x?token=[REDACTED]&pipelineKey=p1');
    expect(redact({ a: ['strk_secret123'], authorization: 'Basic zzz', n: 3 })).toEqual({ a: ['[REDACTED]'], authorization: '[REDACTED]', n: 3 });
  });

  it('does not mask very short secrets as substrings', () => {
    const redact = createRedactor(['ab']);
    expect(redact('abc')).toBe('abc');
  });
});
