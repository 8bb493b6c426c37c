// Column-level validation applied at SetValue time: type, length, Y/N, dates, numeric range (reference §4, §5.1).
import { normalizeColumn, type ColumnDef, type Value } from '../schema/columns';
import { isYmd, round } from '../values';
import { fail, type Outcome } from './outcome';

export type Coerced = { ok: true; value: Value } | { ok: false; outcome: Outcome };

export function coerce(column: ColumnDef, raw: Value, divisionsEnabled: boolean): Coerced {
  const bad = (msg: string, num = 'CI_Invalid'): Coerced => ({ ok: false, outcome: fail(num, msg) });
  if (column.type === 'N') {
    const n = typeof raw === 'number' ? raw : raw.trim() === '' ? 0 : Number(raw);
    if (!Number.isFinite(n)) return bad(`The ${column.label} is not numeric.`);
    if (Math.abs(n) >= 10 ** (column.length - column.scale)) return bad(`The ${column.label} exceeds the maximum value allowed.`);
    return { ok: true, value: round(n, column.scale) };
  }
  const text = normalizeColumn(column, String(raw), divisionsEnabled);
  if (column.type === 'D') {
    if (text !== '' && !isYmd(text)) return bad(`The ${column.label} is not a valid date (YYYYMMDD).`);
    return { ok: true, value: text };
  }
  if (column.type === 'Y') {
    const flag = text.toUpperCase();
    if (flag !== 'Y' && flag !== 'N') return bad(`The ${column.label} must be Y or N.`);
    return { ok: true, value: flag };
  }
  // Sage rejects rather than truncates (CI_CharLength).
  if (text.length > column.length) return bad(`The ${column.label} is greater than ${column.length} character(s).`, 'CI_CharLength');
  return { ok: true, value: text };
}
