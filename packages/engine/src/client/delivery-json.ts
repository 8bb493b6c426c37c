// What the ingress accepts as JSON beyond the syntax. PostgreSQL's jsonb cannot store U+0000 or a lone
// surrogate (the insert fails: a 500), and the code after the ingress walks payloads recursively, so
// deliveries are cleaned of the first and refused when nested deeper than any real one.
export const MAX_JSON_DEPTH = 64;

// eslint-disable-next-line no-control-regex -- U+0000 is exactly what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (s: string) => s.replace(UNSTORABLE, '\uFFFD');

/** JSON.parse, with U+0000 and lone surrogates in keys and strings replaced by U+FFFD (only JSON escapes can produce them). */
export function parseStorableJson(text: string): unknown {
  if (!/\\u(0000|d[89a-f])/i.test(text)) return JSON.parse(text);
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'string') return clean(value);
    if (value && typeof value === 'object' && !Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), v]));
    return value;
  });
}

export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [v, depth] = item;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
