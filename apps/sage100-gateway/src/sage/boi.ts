// Checked BOI calls: every return code is inspected, 0 becomes a canonical error, -1 a warning.
import type { BoiObject, BoiRef, BoiSession, TableInfo } from '@conduit/sage100-boi';
import { codeForSageError, GatewayError, type ErrorCode } from '../http/errors';
import { apiName, boiColumn, toSageValue, type ApiValue } from './records';

export interface Warning {
  code: string;
  message: string;
  field?: string;
}

const WARNING_CODES: Record<string, string> = { SO_DuplicatePO: 'DUPLICATE_PO', SO_CreditHold: 'CREDIT_HOLD', SO_CreditLimit: 'CREDIT_HOLD' };

export function check(obj: BoiObject, result: number, ctx: { warnings: Warning[]; field?: string; what: string; code?: ErrorCode }): number {
  if (result === 0) {
    const code = ctx.code ?? codeForSageError(obj.sLastErrorNum);
    throw new GatewayError(code, `Sage 100: ${ctx.what} fails: ${obj.sLastErrorMsg}`, { sageMessage: obj.sLastErrorMsg, ...(ctx.field ? { field: ctx.field } : {}) });
  }
  if (result === -1) ctx.warnings.push({ code: WARNING_CODES[obj.sLastErrorNum] ?? 'SAGE_WARNING', message: obj.sLastErrorMsg, ...(ctx.field ? { field: ctx.field } : {}) });
  return result;
}

export interface ObjectSpec {
  module: string;
  task: string;
  object: string;
}

/** Sets module, date and program, creates the object, and always drops it. */
export function withObject<T>(session: BoiSession, setProgram: (task: string) => void, spec: ObjectSpec & { date: string }, fn: (obj: BoiObject) => T): T {
  session.nSetModule(spec.module);
  session.nSetDate(spec.module, spec.date);
  setProgram(spec.task);
  const obj = session.NewObject(spec.object);
  try {
    return fn(obj);
  } finally {
    obj.DropObject();
  }
}

/** Sets API fields (camelCase) on a BOI object in the order given, plus `udf` values as UDF_* columns. */
const apiColumns = new WeakMap<TableInfo, Map<string, TableInfo['columns'][number]>>();

function columnsByApiName(table: TableInfo): Map<string, TableInfo['columns'][number]> {
  let map = apiColumns.get(table);
  if (!map) apiColumns.set(table, (map = new Map(table.columns.map((c) => [apiName(c.name), c]))));
  return map;
}

export function setFields(obj: BoiObject, table: TableInfo, fields: Record<string, unknown>, ctx: { warnings: Warning[]; prefix?: string; what: string }): void {
  const byApi = columnsByApiName(table);
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === 'udf') {
      for (const [name, v] of Object.entries(value as Record<string, string | number>))
        check(obj, obj.nSetValue(typeof v === 'number' ? `UDF_${name}` : `UDF_${name}$`, v), { ...ctx, field: `${ctx.prefix ?? ''}udf.${name}` });
      continue;
    }
    const c = byApi.get(key);
    if (!c) throw new GatewayError('VALIDATION_FAILED', `Unknown field ${key}.`, { field: `${ctx.prefix ?? ''}${key}` });
    check(obj, obj.nSetValue(boiColumn(c), toSageValue(c, value as ApiValue)), { ...ctx, field: `${ctx.prefix ?? ''}${key}` });
  }
}

export function getValue(obj: BoiObject, column: string): string | number {
  const ref: BoiRef = { value: '' };
  obj.nGetValue(column, ref);
  return ref.value;
}

/** Runs edits on a positioned record; any refusal discards the pending record (nClear) before it propagates. */
export function inEdit<T>(obj: BoiObject, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof GatewayError) obj.nClear();
    throw err;
  }
}
