// The three error classes every connector action throws. Edit only together with the engine's
// retry mapping: the `type` strings are matched by Temporal retry policies and must stay stable.

/** The remote object an error is about, so a dead-letter entry can say "pipeline Sales not found". */
export interface ErrorSubject {
  type: string;
  key?: string;
  name?: string;
  /** The field (or input path) of that object the error is about. */
  field?: string;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

export type PermanentReason = 'validation' | 'not_found' | 'auth' | 'conflict' | 'host_blocked' | 'internal';
export type RetryableReason = 'server' | 'network' | 'timeout' | 'lock';

export interface ConnectorErrorInit {
  message: string;
  connector?: string;
  subject?: ErrorSubject;
  status?: number;
  remoteMessage?: string;
  issues?: ValidationIssue[];
  cause?: unknown;
}

/** Plain-JSON form of a connector error; what crosses the Temporal activity boundary. */
export interface ConnectorErrorJSON {
  type: 'PermanentError' | 'RetryableError' | 'RateLimitedError';
  reason: PermanentReason | RetryableReason | 'rate_limited';
  message: string;
  connector?: string;
  subject?: ErrorSubject;
  status?: number;
  remoteMessage?: string;
  issues?: ValidationIssue[];
  retryAfterMs?: number;
}

export abstract class ConnectorError extends Error {
  abstract readonly type: ConnectorErrorJSON['type'];
  abstract readonly reason: ConnectorErrorJSON['reason'];
  readonly connector?: string;
  readonly subject?: ErrorSubject;
  readonly status?: number;
  readonly remoteMessage?: string;
  readonly issues?: ValidationIssue[];

  constructor(init: ConnectorErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.connector = init.connector;
    this.subject = init.subject;
    this.status = init.status;
    this.remoteMessage = init.remoteMessage;
    this.issues = init.issues;
  }

  /** Rebuilds a connector error from its `toJSON()` form (same as `errorFromJSON`). */
  static fromJSON(json: unknown): ConnectorError {
    return errorFromJSON(json);
  }

  /** Delay the remote asked for before the next attempt, if any. */
  get retryAfterMs(): number | undefined {
    return undefined;
  }

  toJSON(): ConnectorErrorJSON {
    const json: ConnectorErrorJSON = { type: this.type, reason: this.reason, message: this.message };
    if (this.connector !== undefined) json.connector = this.connector;
    if (this.subject !== undefined) json.subject = this.subject;
    if (this.status !== undefined) json.status = this.status;
    if (this.remoteMessage !== undefined) json.remoteMessage = this.remoteMessage;
    if (this.issues !== undefined) json.issues = this.issues;
    if (this.retryAfterMs !== undefined) json.retryAfterMs = this.retryAfterMs;
    return json;
  }
}

/** Retrying cannot help: bad input, missing object, bad credentials, refused host. */
export class PermanentError extends ConnectorError {
  readonly type = 'PermanentError' as const;
  override readonly name = 'PermanentError';
  readonly reason: PermanentReason;
  constructor(reason: PermanentReason, init: ConnectorErrorInit) {
    super(init);
    this.reason = reason;
  }
}

/** Transient: 5xx, network failure, timeout, a record lock. */
export class RetryableError extends ConnectorError {
  readonly type = 'RetryableError' as const;
  override readonly name = 'RetryableError';
  readonly reason: RetryableReason;
  readonly #retryAfterMs?: number;
  constructor(reason: RetryableReason, init: ConnectorErrorInit & { retryAfterMs?: number }) {
    super(init);
    this.reason = reason;
    this.#retryAfterMs = init.retryAfterMs;
  }
  override get retryAfterMs(): number | undefined {
    return this.#retryAfterMs;
  }
}

/** The remote throttled us; retry after `retryAfterMs`. */
export class RateLimitedError extends ConnectorError {
  readonly type = 'RateLimitedError' as const;
  override readonly name = 'RateLimitedError';
  readonly reason = 'rate_limited' as const;
  readonly #retryAfterMs: number;
  constructor(init: ConnectorErrorInit & { retryAfterMs: number }) {
    super(init);
    this.#retryAfterMs = init.retryAfterMs;
  }
  override get retryAfterMs(): number {
    return this.#retryAfterMs;
  }
}

const permanentReasons = new Set<string>(['validation', 'not_found', 'auth', 'conflict', 'host_blocked', 'internal']);
const retryableReasons = new Set<string>(['server', 'network', 'timeout', 'lock']);

/** Rebuilds an error from `toJSON()` output (e.g. Temporal failure details). Unknown shapes become internal errors. */
export function errorFromJSON(json: unknown): ConnectorError {
  const j = (typeof json === 'object' && json !== null ? json : {}) as Partial<ConnectorErrorJSON>;
  const init: ConnectorErrorInit = {
    message: typeof j.message === 'string' ? j.message : 'Unreadable connector error',
    connector: j.connector,
    subject: j.subject,
    status: j.status,
    remoteMessage: j.remoteMessage,
    issues: j.issues,
  };
  if (j.type === 'RateLimitedError') return new RateLimitedError({ ...init, retryAfterMs: j.retryAfterMs ?? 0 });
  if (j.type === 'RetryableError' && retryableReasons.has(j.reason ?? '')) {
    return new RetryableError(j.reason as RetryableReason, { ...init, retryAfterMs: j.retryAfterMs });
  }
  if (j.type === 'PermanentError' && permanentReasons.has(j.reason ?? '')) {
    return new PermanentError(j.reason as PermanentReason, init);
  }
  return new PermanentError('internal', { ...init, message: `${init.message} (unrecognised error payload)` });
}

/** Error types a Temporal retry policy should list in `nonRetryableErrorTypes`. */
export const NON_RETRYABLE_ERROR_TYPES = ['PermanentError'] as const;

export interface RetryDecision {
  retryable: boolean;
  /** Wait at least this long before the next attempt (from Retry-After or a rate limit). */
  delayMs?: number;
  type: ConnectorErrorJSON['type'];
  message: string;
}

/**
 * What the engine should do with a failure. Anything that is not a ConnectorError is a bug in
 * connector code (a TypeError, say): it is reported as permanent so it reaches the dead-letter list
 * instead of retrying forever.
 */
export function retryDecision(err: unknown): RetryDecision {
  const e = toConnectorError(err);
  const delayMs = e.retryAfterMs;
  return { retryable: e.type !== 'PermanentError', type: e.type, message: e.message, ...(delayMs !== undefined ? { delayMs } : {}) };
}

/** Keeps connector errors as they are and wraps anything else as a permanent internal error. */
export function toConnectorError(err: unknown, connector?: string): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new PermanentError('internal', { message: `${connector ? `${connector}: ` : ''}unexpected error: ${message}`, connector, cause: err });
}

/** "pipeline Sales (agx…)" — how messages name the object. */
export function describeSubject(s: ErrorSubject): string {
  const id = s.name && s.key ? `${s.name} (${s.key})` : (s.name ?? s.key ?? '');
  const field = s.field ? ` field ${s.field}` : '';
  return `${s.type}${id ? ` ${id}` : ''}${field}`;
}
