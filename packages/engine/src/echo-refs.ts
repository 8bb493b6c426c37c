// Which record an object is, and at which version: the same answer for a connector write's output and for
// a change event about that record (a Streak webhook object, a Sage 100 change-feed row), so the engine
// can tell its own write coming back. Pure code: workflow code uses it too.
import { canonicalJson, sha256Hex } from '@conduit/flow';

export interface RecordRef {
  /** Connector id: streak, sage100. */
  system: string;
  recordType: string;
  recordId: string;
  /** Version in milliseconds when the object carries one (Streak save time, Sage 100 audit stamp). */
  version?: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** Streak objects carry their type in their shape: boxes a pipeline, organizations domains, contacts e-mails. */
function streakRef(o: Obj): RecordRef | undefined {
  const key = str(o.boxKey) ?? str(o.key);
  if (!key) return undefined;
  const at = (type: string, version: number | undefined): RecordRef => ({ system: 'streak', recordType: type, recordId: key, ...(version === undefined ? {} : { version }) });
  if (str(o.pipelineKey) && ('stageKey' in o || 'boxKey' in o)) return at('box', num(o.lastUpdatedTimestamp));
  if (!str(o.teamKey)) return undefined;
  if (Array.isArray(o.emailAddresses)) return at('contact', num(o.lastSavedTimestamp));
  if (Array.isArray(o.domains)) return at('organization', num(o.lastSavedTimestamp));
  return undefined;
}

/** DateUpdated (ISO date) + TimeUpdated (decimal hours, Sage server time) as milliseconds, comparable per server. */
export function sageStamp(o: Obj): number | undefined {
  const date = str(o.dateUpdated);
  const hours = Number(str(o.timeUpdated) ?? num(o.timeUpdated) ?? Number.NaN);
  const day = date ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(day) || Number.isNaN(hours) ? undefined : day + Math.round(hours * 3_600_000);
}

/** Sage 100 records (gateway camelCase columns): sales orders, customer contacts, customers. */
function sageRef(o: Obj): RecordRef | undefined {
  const version = sageStamp(o);
  const at = (type: string, id: string): RecordRef => ({ system: 'sage100', recordType: type, recordId: id, ...(version === undefined ? {} : { version }) });
  const customer = str(o.arDivisionNo) && str(o.customerNo) ? `${String(o.arDivisionNo)}-${String(o.customerNo)}` : undefined;
  if (str(o.salesOrderNo)) return at('salesOrder', String(o.salesOrderNo));
  if (customer && str(o.contactCode) && 'contactName' in o && !('customerName' in o)) return at('contact', `${customer}:${String(o.contactCode)}`);
  if (customer && 'customerName' in o) return at('customer', customer);
  return undefined;
}

/** The record an object describes. A change-feed event (`{ table, key, record }`) describes its `record`. */
export function recordRefOf(system: string, value: unknown): RecordRef | undefined {
  if (!isObj(value)) return undefined;
  if (system === 'streak') return streakRef(value);
  if (system === 'sage100') return sageRef(isObj(value.record) && typeof value.table === 'string' ? value.record : value);
  return undefined;
}

/** The written fields as the record holds them: the keys both the write's input and the record have. */
export function writtenFields(input: unknown, record: unknown): string[] {
  if (!isObj(input) || !isObj(record)) return [];
  return Object.keys(input).filter((k) => k in record).sort();
}

/** Fingerprint of the given fields of a record (missing and null are the same). */
export function fieldsHash(record: unknown, fields: readonly string[]): string {
  const o = isObj(record) ? (isObj(record.record) && typeof record.table === 'string' ? record.record : record) : {};
  return sha256Hex(canonicalJson(Object.fromEntries(fields.map((f) => [f, o[f] ?? null])))).slice(0, 32);
}

/**
 * The record a write will change, when its input names it (updates do; creates and upserts by e-mail or
 * domain do not): lets an event about another record skip waiting for this write.
 */
export function targetIdOf(system: string, recordType: string, input: unknown): string | undefined {
  if (!isObj(input)) return undefined;
  if (system === 'streak') return recordType === 'box' ? str(input.boxKey) : str(input.key);
  if (system !== 'sage100') return undefined;
  if (recordType === 'salesOrder') return str(input.salesOrderNo);
  const customer = str(input.customerKey);
  if (recordType === 'customer') return customer;
  return recordType === 'contact' && customer && str(input.contactCode) ? `${customer}:${String(input.contactCode)}` : undefined;
}
