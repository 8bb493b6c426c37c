// Sage rows ↔ API records: Sage column names in camelCase, dates ISO, Y/N flags as booleans, UDFs under `udf`.
import { isoToYmd, ymdToIso, type ColumnDef, type Row, type TableInfo, type Value } from '@conduit/sage100-boi';
import { z } from 'zod';

type Column = TableInfo['columns'][number];
export type ApiValue = string | number | boolean | null;
export type ApiRecord = Record<string, ApiValue | Record<string, ApiValue>>;

const names = new Map<string, string>();

/** `ARDivisionNo` → `arDivisionNo`, `CustomerPONo` → `customerPONo`, `FOB` → `fob`. Memoised: it runs per column per row. */
export function apiName(column: string): string {
  let name = names.get(column);
  if (name === undefined) {
    const run = /^[A-Z]+/.exec(column)?.[0] ?? '';
    const head = run.length > 1 && run.length < column.length ? run.slice(0, -1) : run;
    name = run.length === column.length ? column.toLowerCase() : head.toLowerCase() + column.slice(head.length);
    names.set(column, name);
  }
  return name;
}

export function toApiValue(c: Pick<Column, 'type'>, v: Value | undefined): ApiValue {
  if (c.type === 'D') return v ? ymdToIso(String(v)) : null;
  if (c.type === 'Y') return v === 'Y';
  if (c.type === 'N') return Number(v ?? 0);
  return String(v ?? '').trimEnd();
}

export function toApi(row: Row, columns: Column[]): ApiRecord {
  const out: ApiRecord = {};
  const udf: Record<string, ApiValue> = {};
  for (const c of columns) {
    const v = toApiValue(c, row[c.name]);
    if (c.name.startsWith('UDF_')) udf[c.name.slice(4)] = v;
    else out[apiName(c.name)] = v;
  }
  if (Object.keys(udf).length) out.udf = udf;
  return out;
}

/** The BOI column name: `$` for strings, dates and flags. */
export function boiColumn(c: Pick<ColumnDef, 'name' | 'type'>): string {
  return c.type === 'N' ? c.name : `${c.name}$`;
}

export function toSageValue(c: Pick<ColumnDef, 'type'>, v: ApiValue): Value {
  if (c.type === 'D') return v ? isoToYmd(String(v)) : '';
  if (c.type === 'Y') return v ? 'Y' : 'N';
  if (typeof v === 'boolean') return v ? 'Y' : 'N';
  return v ?? '';
}

const isoDate = z.union([z.iso.date(), z.literal('')]);

/** A strict zod object for the writable columns of a table. Lengths are left to Sage, so its message surfaces. */
export function columnsSchema(columns: Column[], writable: string[]): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const name of writable) {
    const c = columns.find((x) => x.name === name);
    if (!c) throw new Error(`unknown column ${name}`);
    shape[apiName(name)] = (c.type === 'D' ? isoDate : c.type === 'Y' ? z.boolean() : c.type === 'N' ? z.number() : z.string()).optional();
  }
  return shape;
}

export const udfSchema = z.record(z.string().regex(/^[A-Z0-9_]+$/), z.union([z.string(), z.number()])).optional();
