// Create/update of one master record through its *_bus object: set key values, nSetKey, set fields, nWrite.
import type { BoiObject, TableInfo } from '@conduit/sage100-boi';
import { GatewayError } from '../http/errors';
import { check, getValue, inEdit, setFields, type Warning } from '../sage/boi';

export interface KeyPart {
  column: string;
  value: string;
  field: string;
}

function position(obj: BoiObject, keys: KeyPart[], what: string, warnings: Warning[]): number {
  for (const k of keys) check(obj, obj.nSetKeyValue(`${k.column}$`, k.value), { warnings, what, field: k.field });
  return check(obj, obj.nSetKey(), { warnings, what });
}

/** Returns the key values as Sage normalised them (read before the Write releases the record). */
export function createRecord(obj: BoiObject, opts: { table: TableInfo; keys: KeyPart[]; fields: Record<string, unknown>; what: string; warnings: Warning[] }): string[] {
  const r = position(obj, opts.keys, opts.what, opts.warnings);
  if (r !== 2) {
    obj.nClear();
    throw new GatewayError('DUPLICATE', `Sage 100: ${opts.what} fails: the record already exists.`, { sageMessage: 'Record already exists' });
  }
  const key = opts.keys.map((k) => String(getValue(obj, `${k.column}$`)));
  inEdit(obj, () => {
    setFields(obj, opts.table, opts.fields, opts);
    check(obj, obj.nWrite(), opts);
  });
  return key;
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
