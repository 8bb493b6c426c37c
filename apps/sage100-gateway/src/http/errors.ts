// Canonical error codes (reference §7.5) and how a Sage failure maps onto them.
import { BoiError } from '@conduit/sage100-boi';

export const ERROR_CODES = [
  'AUTH_FAILED',
  'COMPANY_UNAVAILABLE',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'DUPLICATE',
  'RECORD_LOCKED',
  'CREDIT_HOLD',
  'PARTIAL_LINES_REJECTED',
  'SESSION_LOST',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<ErrorCode, number> = {
  AUTH_FAILED: 401,
  COMPANY_UNAVAILABLE: 503,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 422,
  DUPLICATE: 409,
  RECORD_LOCKED: 423,
  CREDIT_HOLD: 422,
  PARTIAL_LINES_REJECTED: 422,
  SESSION_LOST: 503,
  UNKNOWN: 500,
};

const RETRYABLE = new Set<ErrorCode>(['RECORD_LOCKED', 'SESSION_LOST', 'COMPANY_UNAVAILABLE']);

export class GatewayError extends Error {
  readonly status: number;
  readonly retryable: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly opts: { sageMessage?: string; field?: string; status?: number; retryable?: boolean } = {},
  ) {
    super(message);
    this.status = opts.status ?? STATUS[code];
    this.retryable = opts.retryable ?? RETRYABLE.has(code);
  }

  toBody(): { ok: false; error: { code: ErrorCode; message: string; sageMessage: string | null; field?: string; retryable: boolean } } {
    return { ok: false, error: { code: this.code, message: this.message, sageMessage: this.opts.sageMessage ?? null, ...(this.opts.field ? { field: this.opts.field } : {}), retryable: this.retryable } };
  }
}

/** sLastErrorNum → canonical code. Unlisted numbers are validation failures: Sage refused a value. */
export function codeForSageError(num: string): ErrorCode {
  if (num === 'CI_InUse') return 'RECORD_LOCKED';
  if (num === 'SY_NoAccess') return 'PERMISSION_DENIED';
  if (num === 'SO_CreditHold' || num === 'SO_CreditLimit') return 'CREDIT_HOLD';
  return 'VALIDATION_FAILED';
}

/** A COM-level failure: the session is gone (or timed out after a possible commit). */
export function fromBoiError(err: BoiError): GatewayError {
  if (err.kind === 'timeout')
    return new GatewayError('SESSION_LOST', 'Sage did not answer after the write; the outcome is unknown. Retry with the same idempotency key.', { sageMessage: err.message, status: 504 });
  if (err.kind === 'session-lost') return new GatewayError('SESSION_LOST', 'The Sage 100 session was lost; nothing was committed by this call.', { sageMessage: err.message });
  if (err.message.startsWith('No Access')) return new GatewayError('PERMISSION_DENIED', 'The gateway\'s Sage user may not use this task.', { sageMessage: err.message });
  return new GatewayError('UNKNOWN', 'Sage 100 raised an error.', { sageMessage: err.message });
}

export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  if (err instanceof BoiError) return fromBoiError(err);
  return new GatewayError('UNKNOWN', (err as Error).message ?? 'Unexpected error');
}
