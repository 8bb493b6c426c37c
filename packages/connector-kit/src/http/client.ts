// The guarded HTTP client every connector uses: allowlisted hosts, checked DNS answers and redirects,
// per-connection rate limit, timeouts, bounded retries, secret redaction and typed errors.
// Edit when a cross-connector transport rule changes; connector specifics go in the connector.
import { Agent } from 'undici';
import { type ConnectorError, type ErrorSubject, PermanentError, RateLimitedError } from '../errors';
import { type Logger, noopLogger, scrubbedLogger } from '../log';
import { type Redactor, createRedactor } from '../redact';
import { type HttpFailure, classifyStatus, classifyTransport, parseRetryAfter } from './classify';
import { createHostPolicy } from './host-policy';
import { endHttpSpan, publishRateLimiterWait, startHttpSpan } from './observe';
import { type RateLimit, TokenBucket, sharedBucket, sleep } from './rate-limiter';
import { sendOnce } from './transport';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined | Array<string | number>;

export interface HttpClientOptions {
  baseUrl: string;
  /** Name used in error messages, e.g. "Streak". */
  connector: string;
  headers?: Record<string, string>;
  /** Values masked in errors and logs. Authorization header values are added automatically. */
  secrets?: string[];
  /** Let the base URL's host resolve to a private/loopback address (local sandbox, on-prem gateway). */
  allowPrivateHost?: boolean;
  /** Hosts besides the base URL's that requests and redirects may reach. */
  allowedHosts?: string[];
  /** Per attempt, default 30 s. */
  timeoutMs?: number;
  /** Default 10/s with a burst of 10; `false` disables limiting. */
  rateLimit?: RateLimit | false;
  /** Clients with the same key share one bucket in this process (use the connection id). */
  limiterKey?: string;
  retry?: { maxAttempts?: number; baseDelayMs?: number; maxWaitMs?: number };
  maxRedirects?: number;
  /** Default 20 MB. */
  maxResponseBytes?: number;
  /** Pulls the remote's error message out of an error body. */
  remoteMessage?: (body: unknown) => string | undefined;
  /** Connector-specific status mapping; return undefined to use the default. */
  classify?: (failure: HttpFailure) => ConnectorError | undefined;
  log?: Logger;
  signal?: AbortSignal;
}

export interface HttpRequest {
  method?: HttpMethod;
  /** Relative to the base URL (`/v1/boxes/x`), or an absolute URL on an allowed host. */
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** The object this request is about; named in error messages. */
  subject?: ErrorSubject;
  /** May a 5xx/timeout be retried here? Defaults to true for GET/HEAD/PUT/DELETE. */
  idempotent?: boolean;
  timeoutMs?: number;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
  url: string;
}

export interface HttpClient {
  readonly baseUrl: string;
  readonly redact: Redactor;
  request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>>;
  /** `request` returning only the parsed body. */
  json<T = unknown>(req: HttpRequest): Promise<T>;
  /** A view sharing this client's pool and limiter, bound to a run's cancellation signal and logger; its close() is a no-op. */
  withContext(ctx: { signal?: AbortSignal; log?: Logger }): HttpClient;
  close(): Promise<void>;
}

const defaultRemoteMessage = (body: unknown): string | undefined => {
  if (typeof body === 'string') return body.slice(0, 300) || undefined;
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const k of ['error', 'message', 'detail']) if (typeof b[k] === 'string') return b[k];
  }
  return undefined;
};

export function createHttpClient(opts: HttpClientOptions): HttpClient {
  const base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
  const policy = createHostPolicy({ ownHost: base.hostname, allowPrivateHost: opts.allowPrivateHost, allowedHosts: opts.allowedHosts });
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const agent = new Agent({ connect: { lookup: policy.lookup, timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, keepAliveTimeout: 30_000 });
  const redact = createRedactor(opts.secrets);
  for (const [k, v] of Object.entries(opts.headers ?? {})) if (/authorization|api-?key|token/i.test(k)) redact.add(v, v.replace(/^\w+\s+/, ''));
  const limit = opts.rateLimit === undefined ? { ratePerSec: 10, burst: 10 } : opts.rateLimit;
  const bucket = limit === false ? undefined : opts.limiterKey ? sharedBucket(opts.limiterKey, limit) : new TokenBucket(limit);
  const maxAttempts = opts.retry?.maxAttempts ?? 3;
  const baseDelayMs = opts.retry?.baseDelayMs ?? 250;
  const maxWaitMs = opts.retry?.maxWaitMs ?? 10_000;
  const remoteMessage = opts.remoteMessage ?? defaultRemoteMessage;
  const onWait = (waitMs: number) => publishRateLimiterWait({ connector: opts.connector, outcome: 'waited', waitMs });

  const buildUrl = (req: HttpRequest): URL => {
    const url = /^https?:\/\//i.test(req.path) ? new URL(req.path) : new URL(req.path.replace(/^\//, ''), base);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (v === undefined || v === null) continue;
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    return url;
  };

  const encodeBody = (req: HttpRequest): { body?: string; type?: string } => {
    if (req.json !== undefined) return { body: JSON.stringify(req.json), type: 'application/json' };
    if (req.form) return { body: new URLSearchParams(req.form).toString(), type: 'application/x-www-form-urlencoded' };
    return {};
  };

  const make = (ctx: { signal?: AbortSignal; log: Logger; root: boolean }): HttpClient => {
    const log = scrubbedLogger(ctx.log, redact);

    async function request<T>(req: HttpRequest): Promise<HttpResponse<T>> {
      const method = req.method ?? 'GET';
      const url = buildUrl(req);
      const shownPath = redact(`${url.pathname}${url.search}`);
      const what = req.subject ? `${method} ${req.subject.type}${req.subject.key ? ` ${req.subject.key}` : ''}` : `${method} ${shownPath}`;
      const idempotent = req.idempotent ?? ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method);
      const { body, type } = encodeBody(req);
      const headers = { accept: 'application/json', ...opts.headers, ...req.headers, ...(type ? { 'content-type': type } : {}) };

      for (let attempt = 1; ; attempt++) {
        const held = (await bucket?.take({ signal: ctx.signal, maxWaitMs, onWait })) ?? 0;
        if (held > 0) {
          publishRateLimiterWait({ connector: opts.connector, outcome: 'deferred', waitMs: held });
          throw new RateLimitedError({ connector: opts.connector, retryAfterMs: held, message: `${opts.connector}: ${what} held back: this connection is rate limited for another ${Math.ceil(held / 1000)} s` });
        }
        const started = Date.now();
        const span = startHttpSpan({ connector: opts.connector, method, url, shownPath, what: req.subject ? `${method} ${req.subject.type}` : method, attempt });
        const attemptSignal = AbortSignal.any([AbortSignal.timeout(req.timeoutMs ?? timeoutMs), ...(ctx.signal ? [ctx.signal] : [])]);
        let failure: ConnectorError;
        let mayRetry: boolean;
        try {
          const res = await sendOnce({ agent, policy, maxRedirects: opts.maxRedirects ?? 5, maxResponseBytes: opts.maxResponseBytes ?? 20 * 1024 * 1024, connector: opts.connector }, { method, url, headers, body, signal: attemptSignal });
          const parsed = parseBody(res.text, res.headers['content-type']);
          log.debug('http', { method, path: shownPath, status: res.status, attempt, ms: Date.now() - started });
          if (res.status >= 200 && res.status < 300) {
            endHttpSpan(span, { status: res.status });
            return { status: res.status, headers: res.headers, body: parsed as T, url: res.url.toString() };
          }
          const f: HttpFailure = {
            connector: opts.connector, method, path: shownPath, status: res.status, headers: res.headers, body: parsed,
            remoteMessage: redact(remoteMessage(parsed) ?? '') || undefined, subject: req.subject, retryAfterMs: parseRetryAfter(res.headers['retry-after']),
          };
          failure = opts.classify?.(f) ?? classifyStatus(f);
          endHttpSpan(span, { status: res.status, errorType: failure.type, message: failure.message });
          // A 429 means the request was not processed, so resending is safe even for creates.
          mayRetry = failure instanceof RateLimitedError || (failure.type === 'RetryableError' && idempotent);
        } catch (err) {
          endHttpSpan(span, { errorType: err instanceof Error ? err.name : 'Error', message: redact(err instanceof Error ? err.message : String(err)) });
          if (ctx.signal?.aborted) throw ctx.signal.reason;
          if (err instanceof PermanentError) throw err;
          const t = classifyTransport(err, { connector: opts.connector, what, redact });
          failure = t.error;
          mayRetry = failure.type === 'RetryableError' && (idempotent || t.notSent);
        }
        const delay = failure.retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
        if (failure instanceof RateLimitedError) bucket?.pauseUntil(Date.now() + delay);
        if (!mayRetry || attempt >= maxAttempts || delay > maxWaitMs) {
          log.warn('http failed', { method, path: shownPath, attempt, error: failure.message });
          throw failure;
        }
        log.info('http retry', { method, path: shownPath, attempt, delayMs: Math.round(delay), error: failure.message });
        await sleep(delay, ctx.signal);
      }
    }

    return {
      baseUrl: base.toString(),
      redact,
      request,
      json: async <T>(req: HttpRequest) => (await request<T>(req)).body,
      withContext: (next) => make({ signal: next.signal ?? ctx.signal, log: next.log ?? ctx.log, root: false }),
      // Views share the root's pool; only the root may close it.
      close: () => (ctx.root ? agent.close() : Promise.resolve()),
    };
  };

  return make({ signal: opts.signal, log: opts.log ?? noopLogger, root: true });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return null;
  if (contentType?.includes('json') || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
