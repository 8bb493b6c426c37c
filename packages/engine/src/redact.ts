// Run history never stores secrets and never grows without bound: values under secret-looking keys are
// replaced, and anything larger than the cap is cut to a preview.
const SECRET_KEY = /(pass(word)?|secret|token|api[-_]?key|authorization|credential|private[-_]?key)/i;
export const MAX_STORED_BYTES = 16_384;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v !== null && v !== '' ? '[redacted]' : redactSecrets(v, depth + 1);
  return out;
}

/** Redacts, then caps the JSON size; returns a JSON-safe value for a jsonb column. */
export function forHistory(value: unknown): unknown {
  if (value === undefined) return undefined;
  const redacted = redactSecrets(value);
  const json = JSON.stringify(redacted) ?? 'null';
  if (json.length <= MAX_STORED_BYTES) return redacted;
  return { truncated: true, bytes: json.length, preview: json.slice(0, 2_000) };
}
