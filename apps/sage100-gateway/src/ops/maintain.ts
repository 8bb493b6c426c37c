// Create/update of one master record through its *_bus object: set key values, nSetKey, set fields, nWrite.
import type { BoiObject, TableInfo } from '@conduit/sage100-boi';
import { GatewayError } from '../http/errors';
import { check, inEdit, setFields, type Warning } from '../sage/boi';

export interface KeyPart {
  column: string;
  value: string;
  field: string;
}

function position(obj: BoiObject, keys: KeyPart[], what: string, warnings: Warning[]): number {
  for (const k of keys) check(obj, obj.nSetKeyValue(`${k.column}$`, k.value), { warnings, what, field: k.field });
  return check(obj, obj.nSetKey(), { warnings, what });
}

export function createRecord(obj: BoiObject, opts: { table: TableInfo; keys: KeyPart[]; fields: Record<string, unknown>; what: string; warnings: Warning[] }): void {
  const r = position(obj, opts.keys, opts.what, opts.warnings);
  if (r !== 2) {
    obj.nClear();
    throw new GatewayError('DUPLICATE', `Sage 100: ${opts.what} fails: the record already exists.`, { sageMessage: 'Record already exists' });
  }
  inEdit(obj, () => {
    setFields(obj, opts.table, opts.fields, opts);
    check(obj, obj.nWrite(), opts);
  });
}

export function updateRecord(obj: BoiObject, opts: { table: TableInfo; keys: KeyPart[]; fields: Record<string, unknown>; what: string; warnings: Warning[] }): void {
  const r = position(obj, opts.keys, opts.what, opts.warnings);
  if (r === 2) {
    obj.nClear();
    throw new GatewayError('NOT_FOUND', `Sage 100: ${opts.what} fails: the record is not on file.`);
  }
  inEdit(obj, () => {
    setFields(obj, opts.table, opts.fields, opts);
    check(obj, obj.nWrite(), opts);
  });
}
