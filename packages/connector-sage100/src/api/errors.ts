// The gateway's canonical error codes (reference §7.5) as the kit's error classes: what to retry, what
// to dead-letter, and a message that names the Sage object and field.
import {
  type ConnectorError, type ErrorSubject, type HttpFailure, type PermanentReason, PermanentError, RateLimitedError, RetryableError, classifyStatus, describeSubject,
} from '@conduit/connector-kit';

export interface GatewayErrorBody {
  code: string;
  message: string;
  sageMessage: string | null;
  field?: string;
  retryable: boolean;
}

const PERMANENT: Record<string, PermanentReason> = {
  VALIDATION_FAILED: 'validation',
  PARTIAL_LINES_REJECTED: 'validation',
  NOT_FOUND: 'not_found',
  DUPLICATE: 'conflict',
  // The input is fine; the customer's state refuses it until someone releases the hold.
  CREDIT_HOLD: 'conflict',
  PERMISSION_DENIED: 'auth',
  AUTH_FAILED: 'auth',
};

export function gatewayError(body: unknown): GatewayErrorBody | undefined {
  const e = (body as { ok?: unknown; error?: Partial<GatewayErrorBody> } | null)?.error;
  return (body as { ok?: unknown } | null)?.ok === false && e && typeof e.code === 'string' && typeof e.message === 'string' ? (e as GatewayErrorBody) : undefined;
}

/** "Sage 100: sales order for customer 01-ABF (field lines[0].itemCode) fails: Item Code is not on file." */
export function failureMessage(what: string, opts: { field?: string; detail?: string; notFound?: boolean }): string {
  const field = opts.field ? ` (field ${opts.field})` : '';
  return `Sage 100: ${what}${field} ${opts.notFound ? 'was not found' : 'fails'}${opts.detail ? `: ${opts.detail}` : ''}`;
}

/** Sage's own words when there are any; else the gateway's, without its "Sage 100: " prefix. */
const detailOf = (e: GatewayErrorBody) => (e.sageMessage ?? e.message.replace(/^Sage 100: /, '')).trim();

export function classifyGatewayFailure(f: HttpFailure): ConnectorError | undefined {
  const e = gatewayError(f.body);
  if (!e) return undefined;
  const subject: ErrorSubject | undefined = f.subject && e.field ? { ...f.subject, field: e.field } : f.subject;
  const what = f.subject ? describeSubject(f.subject) : `${f.method} ${f.path}`;
  const init = {
    connector: 'Sage 100',
    status: f.status,
    remoteMessage: e.sageMessage ?? e.message,
    ...(subject ? { subject } : {}),
    ...(e.field ? { issues: [{ path: e.field, message: detailOf(e) }] } : {}),
    message: failureMessage(what, { field: e.field, detail: detailOf(e), notFound: e.code === 'NOT_FOUND' }),
  };
  if (f.status === 429) return new RateLimitedError({ ...init, retryAfterMs: f.retryAfterMs ?? 1000 });
  if (e.code === 'RECORD_LOCKED') return new RetryableError('lock', { ...init, retryAfterMs: f.retryAfterMs });
  if (e.code === 'SESSION_LOST') return new RetryableError(f.status === 504 ? 'timeout' : 'server', init);
  if (e.code === 'COMPANY_UNAVAILABLE') {
    // Unknown to the gateway (a typo in the settings) vs. known but down (Sage maintenance, no licence).
    return e.retryable ? new RetryableError('server', { ...init, retryAfterMs: f.retryAfterMs }) : new PermanentError('validation', init);
  }
  const reason = PERMANENT[e.code];
  if (reason) return new PermanentError(reason, init);
  if (f.status >= 500) return new RetryableError('server', { ...init, retryAfterMs: f.retryAfterMs });
  return classifyStatus({ ...f, remoteMessage: init.remoteMessage });
}

/** The same error, reworded for the operation ("sales order for customer 01-ABF") instead of the bare subject. */
export function restate(err: ConnectorError, what: string): ConnectorError {
  const detail = err.issues?.[0]?.message ?? err.remoteMessage?.replace(/^Sage 100: /, '');
  const init = {
    connector: err.connector, subject: err.subject, status: err.status, remoteMessage: err.remoteMessage, issues: err.issues, cause: err.cause,
    message: failureMessage(what, { field: err.subject?.field, detail, notFound: err.type === 'PermanentError' && err.reason === 'not_found' }),
  };
  if (err instanceof RateLimitedError) return new RateLimitedError({ ...init, retryAfterMs: err.retryAfterMs });
  if (err instanceof RetryableError) return new RetryableError(err.reason, { ...init, retryAfterMs: err.retryAfterMs });
  return new PermanentError((err as PermanentError).reason, init);
}
