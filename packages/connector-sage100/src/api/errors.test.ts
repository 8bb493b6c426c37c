// How each canonical gateway code becomes a kit error, including the ones a live emulator cannot be
// made to answer (429, UNKNOWN, a retryable company outage) and bodies that are not the gateway's.
import { describe, expect, it } from 'vitest';
import { type HttpFailure, PermanentError, RateLimitedError, RetryableError } from '@conduit/connector-kit';
import { classifyGatewayFailure } from './errors';

const failure = (status: number, error: Record<string, unknown> | null, extra: Partial<HttpFailure> = {}): HttpFailure => ({
  connector: 'Sage 100', method: 'POST', path: '/v1/companies/ABC/sales-orders', status, headers: {},
  body: error ? { ok: false, error: { sageMessage: null, retryable: false, ...error } } : '<html>bad gateway</html>',
  subject: { type: 'customer', key: '01-ABF' }, ...extra,
});

describe('classifyGatewayFailure', () => {
  it.each([
    ['VALIDATION_FAILED', 422, 'validation'],
    ['PARTIAL_LINES_REJECTED', 422, 'validation'],
    ['NOT_FOUND', 404, 'not_found'],
    ['DUPLICATE', 409, 'conflict'],
    ['CREDIT_HOLD', 422, 'conflict'],
    ['PERMISSION_DENIED', 403, 'auth'],
    ['AUTH_FAILED', 401, 'auth'],
    ['COMPANY_UNAVAILABLE', 404, 'validation'],
  ])('%s is permanent (%s)', (code, status, reason) => {
    const e = classifyGatewayFailure(failure(status, { code, message: `Sage 100: x fails: y`, sageMessage: 'Sage says no', field: 'lines[0].itemCode' }));
    expect(e).toBeInstanceOf(PermanentError);
    expect(e).toMatchObject({ reason, status, remoteMessage: 'Sage says no', subject: { type: 'customer', key: '01-ABF', field: 'lines[0].itemCode' }, issues: [{ path: 'lines[0].itemCode', message: 'Sage says no' }] });
    expect(e?.message).toBe(`Sage 100: customer 01-ABF (field lines[0].itemCode) ${code === 'NOT_FOUND' ? 'was not found' : 'fails'}: Sage says no`);
  });

  it.each([
    ['RECORD_LOCKED', 423, 'lock'],
    ['SESSION_LOST', 503, 'server'],
    ['SESSION_LOST', 504, 'timeout'],
    ['COMPANY_UNAVAILABLE', 503, 'server'],
    ['UNKNOWN', 500, 'server'],
  ])('%s (HTTP %s) is retryable (%s)', (code, status, reason) => {
    const e = classifyGatewayFailure(failure(status, { code, message: 'Sage 100: busy', retryable: code !== 'UNKNOWN' }, { retryAfterMs: code === 'RECORD_LOCKED' ? 2000 : undefined }));
    expect(e).toBeInstanceOf(RetryableError);
    expect(e).toMatchObject({ reason, status, remoteMessage: 'Sage 100: busy' });
    expect(e?.message).toBe('Sage 100: customer 01-ABF fails: busy');
    if (code === 'RECORD_LOCKED') expect(e?.retryAfterMs).toBe(2000);
  });

  it('turns a 429 into a rate limit with the delay asked for', () => {
    const e = classifyGatewayFailure(failure(429, { code: 'UNKNOWN', message: 'Too many requests' }, { retryAfterMs: 3000 }));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect(e?.retryAfterMs).toBe(3000);
  });

  it('leaves bodies that are not the gateway’s envelope to the kit’s status rules', () => {
    expect(classifyGatewayFailure(failure(502, null))).toBeUndefined();
    expect(classifyGatewayFailure({ ...failure(400, null), body: { ok: false } })).toBeUndefined();
  });
});
