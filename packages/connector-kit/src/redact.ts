// Secret redaction for everything a connector lets out: error messages, remote messages, logs.

const MASK = '[REDACTED]';
const SENSITIVE_PARAM = /^(token|key|api_?key|apikey|password|passwd|secret|signature|sig|access_token|refresh_token|client_secret|auth)$/i;

/** Secrets shorter than this are not masked as substrings: masking "a" would destroy every message. */
const MIN_SECRET_LENGTH = 4;

export interface Redactor {
  <T>(value: T): T;
  /** Adds more secrets (e.g. a header value derived from a key). */
  add(...secrets: string[]): void;
}

/**
 * Builds a redactor for a set of secrets. It masks each secret wherever it appears as a substring,
 * masks sensitive query parameters in URLs, and recurses into plain objects and arrays.
 */
export function createRedactor(secrets: Iterable<string> = []): Redactor {
  const known = new Set<string>();
  const redactString = (s: string): string => {
    let out = s;
    for (const secret of known) out = out.split(secret).join(MASK);
    return out.replace(/([?&])([^=&#\s]+)=([^&#\s]*)/g, (m, sep: string, name: string) => (SENSITIVE_PARAM.test(name) ? `${sep}${name}=${MASK}` : m));
  };
  const redact = <T>(value: T): T => walk(value, redactString) as T;
  const add = (...more: string[]) => {
    for (const s of more) if (s.length >= MIN_SECRET_LENGTH) known.add(s);
  };
  add(...secrets);
  return Object.assign(redact, { add });
}

function walk(value: unknown, redactString: (s: string) => string): unknown {
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, redactString));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /authorization|cookie|password|secret|token|api_?key/i.test(k) && typeof v === 'string' ? MASK : walk(v, redactString)]));
  }
  return value;
}
