// Turns HTTP statuses and transport failures into the kit's error classes.
import { type ConnectorError, PermanentError, RateLimitedError, RetryableError, describeSubject, type ErrorSubject } from '../errors';
import { HostBlockedError } from './host-policy';

/** A completed HTTP exchange with a non-2xx status, before it becomes an error. */
export interface HttpFailure {
  connector: string;
  method: string;
  /** Path and query, already redacted. */
  path: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  remoteMessage?: string;
  subject?: ErrorSubject;
  retryAfterMs?: number;
}

/** Default wait after a 429 that carries no Retry-After. */
const DEFAULT_RATE_LIMIT_DELAY_MS = 1000;

const phrase: Record<string, string> = {
  validation: 'was rejected',
  not_found: 'was not found',
  auth: 'was refused: authentication failed',
  conflict: 'conflicts with the current state',
  lock: 'is locked',
  timeout: 'timed out',
  server: 'failed with a server error',
  rate_limited: 'was rate limited',
};

export function classifyStatus(f: HttpFailure): ConnectorError {
  const what = f.subject ? describeSubject(f.subject) : `${f.method} ${f.path}`;
  const init = (reason: string) => ({
    message: `${f.connector}: ${what} ${phrase[reason]} (HTTP ${f.status})${f.remoteMessage ? `: ${f.remoteMessage}` : ''}`,
    connector: f.connector,
    subject: f.subject,
    status: f.status,
    remoteMessage: f.remoteMessage,
  });
  const s = f.status;
  if (s === 429) return new RateLimitedError({ ...init('rate_limited'), retryAfterMs: f.retryAfterMs ?? DEFAULT_RATE_LIMIT_DELAY_MS });
  if (s >= 500) return new RetryableError('server', { ...init('server'), retryAfterMs: f.retryAfterMs });
  if (s === 408) return new RetryableError('timeout', init('timeout'));
  if (s === 423) return new RetryableError('lock', { ...init('lock'), retryAfterMs: f.retryAfterMs });
  if (s === 401 || s === 403) return new PermanentError('auth', init('auth'));
  if (s === 404 || s === 410) return new PermanentError('not_found', init('not_found'));
  if (s === 409) return new PermanentError('conflict', init('conflict'));
  return new PermanentError('validation', init('validation'));
}

/** Parses Retry-After (delta seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const connectCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const timeoutCodes = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function causes(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && chain.length < 10; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

export interface TransportFailure {
  error: ConnectorError;
  /** True when the request certainly never reached the remote (safe to resend even if not idempotent). */
  notSent: boolean;
}

/** Classifies an exception thrown while sending (DNS, connect, reset, timeout, host guard). */
export function classifyTransport(err: unknown, ctx: { connector: string; what: string; redact: (s: string) => string }): TransportFailure {
  const chain = causes(err);
  const blocked = chain.find((e) => e instanceof HostBlockedError);
  const base = { connector: ctx.connector, cause: err };
  if (blocked) {
    return { notSent: true, error: new PermanentError('host_blocked', { ...base, message: `${ctx.connector}: ${ctx.what} refused: ${ctx.redact((blocked as Error).message)}` }) };
  }
  const code = chain.map((e) => (e as { code?: unknown }).code).find((c): c is string => typeof c === 'string') ?? '';
  const detail = ctx.redact(chain.map((e) => (e instanceof Error ? e.message : String(e))).filter(Boolean).pop() ?? 'unknown error');
  if (timeoutCodes.has(code) || chain.some((e) => e instanceof Error && e.name === 'TimeoutError')) {
    return { notSent: code === 'UND_ERR_CONNECT_TIMEOUT', error: new RetryableError('timeout', { ...base, message: `${ctx.connector}: ${ctx.what} timed out (${code || 'timeout'})` }) };
  }
  return {
    notSent: connectCodes.has(code),
    error: new RetryableError('network', { ...base, message: `${ctx.connector}: ${ctx.what} could not reach the server${code ? ` (${code})` : ''}: ${detail}` }),
  };
}
