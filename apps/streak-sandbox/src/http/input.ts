// Small, strict readers for request bodies and query strings. Each throws a 400 that names the
// offending property, so handlers can validate everything before they change anything.
import { badRequest } from './errors';

export type Obj = Record<string, unknown>;
export type Query = Record<string, string | string[] | undefined>;

export function asObject(body: unknown): Obj {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request body must be a JSON object');
  return body as Obj;
}

export function asArray(body: unknown): unknown[] {
  if (!Array.isArray(body)) throw badRequest('Request body must be a JSON array');
  return body;
}

const absent = (v: unknown): v is undefined | null => v === undefined || v === null;

export function optString(o: Obj, k: string): string | undefined {
  const v = o[k];
  if (absent(v)) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw badRequest(`${k} must be a string`);
}

export function reqString(o: Obj, k: string, message = `${k} is required`): string {
  const v = optString(o, k);
  if (v === undefined || v.trim() === '') throw badRequest(message);
  return v;
}

export function optNumber(o: Obj, k: string): number | undefined {
  const v = o[k];
  if (absent(v)) return undefined;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw badRequest(`${k} must be a number`);
  return n;
}

export function optBool(o: Obj, k: string): boolean | undefined {
  const v = o[k];
  if (absent(v)) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw badRequest(`${k} must be a boolean`);
}

/** Form bodies and some clients send lists as JSON strings; accept both. */
export function optList(o: Obj, k: string): unknown[] | undefined {
  let v = o[k];
  if (absent(v)) return undefined;
  if (typeof v === 'string') {
    const text = v;
    try {
      v = JSON.parse(text);
    } catch {
      v = text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    }
  }
  if (!Array.isArray(v)) throw badRequest(`${k} must be an array`);
  return v;
}

export function optStringList(o: Obj, k: string): string[] | undefined {
  const list = optList(o, k);
  if (list === undefined) return undefined;
  if (!list.every((x) => typeof x === 'string')) throw badRequest(`${k} must be an array of strings`);
  return list as string[];
}

export function q(query: Query, k: string): string | undefined {
  const v = query[k];
  return Array.isArray(v) ? v[0] : v;
}

/** Repeatable query params (`?pipelineKey=a&pipelineKey=b`). */
export function qAll(query: Query, k: string): string[] {
  const v = query[k];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

export function qInt(query: Query, k: string, fallback: number, range: { min: number; max: number }): number {
  const raw = q(query, k);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < range.min) throw badRequest(`Invalid value for ${k}: ${raw}`);
  return Math.min(n, range.max);
}

/** `page` (0-based) + `limit` paging → `{results, hasNextPage}` (§5). */
export function paged<T>(items: T[], query: Query, defaultLimit: number, maxLimit = 1000) {
  const limit = qInt(query, 'limit', defaultLimit, { min: 1, max: maxLimit });
  const page = qInt(query, 'page', 0, { min: 0, max: Number.MAX_SAFE_INTEGER });
  const start = page * limit;
  return { results: items.slice(start, start + limit), hasNextPage: start + limit < items.length };
}
