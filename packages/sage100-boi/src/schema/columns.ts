// The table-definition vocabulary. Edit when a table needs a rule this shape cannot express.
import { normalizeCode, normalizeCustomerNo, normalizeDivision, normalizeDocumentNo } from '../keys';

/** S = string, N = numeric, D = date (YYYYMMDD string), Y = Y/N flag. */
export type ColumnType = 'S' | 'N' | 'D' | 'Y';
export type Value = string | number;
export type Row = Record<string, Value>;

export interface ColumnDef {
  name: string;
  type: ColumnType;
  /** Max characters for S; total digits for N. */
  length: number;
  /** Decimals for N (2 money, 6 quantities/unit prices). */
  scale: number;
  readOnly: boolean;
  label: string;
}

/** A column whose value must exist in another table. Key columns are read from the record being edited. */
export interface Lookup {
  table: string;
  /** Columns of this record, in the order of the looked-up table's key; the edited column is one of them. */
  from: string[];
  /** Company option that switches this check on (e.g. zip codes); absent = always on. */
  when?: 'validateZipCodes';
}

export type AuditKind = 'full' | 'updated' | 'none';

export interface TableDef {
  name: string;
  columns: ColumnDef[];
  byName: Map<string, ColumnDef>;
  key: string[];
  audit: AuditKind;
  defaults: Row;
  lookups: Record<string, Lookup>;
  required: string[];
  /** Secondary indexes: name → columns (e.g. KDUPLICATEPO). */
  indexes: Record<string, string[]>;
}

export function label(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

/** `'CustomerName:S30 CreditLimit:N14.2 CurrentBalance:N14.2! DateEstablished:D CreditHold:Y'` */
export function cols(spec: string): ColumnDef[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((token) => {
      const m = /^(\w+):([SNDY])(\d+)?(?:\.(\d+))?(!)?$/.exec(token);
      if (!m) throw new Error(`bad column spec ${token}`);
      const [, name = '', type = 'S', len, scale, ro] = m;
      const length = len ? Number(len) : type === 'D' ? 8 : 1;
      return { name, type: type as ColumnType, length, scale: scale ? Number(scale) : 0, readOnly: ro === '!', label: label(name) };
    });
}

const AUDIT: Record<AuditKind, string> = {
  full: 'DateCreated:D! TimeCreated:S8! UserCreatedKey:S10! DateUpdated:D! TimeUpdated:S8! UserUpdatedKey:S10!',
  updated: 'DateUpdated:D! TimeUpdated:S8! UserUpdatedKey:S10!',
  none: '',
};

export interface TableSpec {
  name: string;
  columns: string;
  key: string[];
  audit?: AuditKind;
  defaults?: Row;
  lookups?: Record<string, Lookup>;
  required?: string[];
  indexes?: Record<string, string[]>;
}

export function defineTable(spec: TableSpec): TableDef {
  const audit = spec.audit ?? 'full';
  const columns = [...cols(spec.columns), ...(AUDIT[audit] ? cols(AUDIT[audit]) : [])];
  return {
    name: spec.name,
    columns,
    byName: new Map(columns.map((c) => [c.name, c])),
    key: spec.key,
    audit,
    defaults: spec.defaults ?? {},
    lookups: spec.lookups ?? {},
    required: spec.required ?? [],
    indexes: spec.indexes ?? {},
  };
}

/** Adds UDF_* columns (Custom Office) to a table definition for one company. */
export function withUdfs(def: TableDef, udfs: string[]): TableDef {
  if (udfs.length === 0) return def;
  const extra = cols(udfs.join(' '));
  const columns = [...def.columns, ...extra];
  // Each UDF gets an index so a lookup by external reference does not scan the file.
  const indexes = { ...def.indexes, ...Object.fromEntries(extra.map((c) => [c.name, [c.name]])) };
  return { ...def, columns, indexes, byName: new Map(columns.map((c) => [c.name, c])) };
}

const divisions = new Set(['ARDivisionNo', 'SalespersonDivisionNo', 'BillToDivisionNo', 'APDivisionNo', 'PrimaryAPDivisionNo']);
const customers = new Set(['CustomerNo', 'BillToCustomerNo', 'VendorNo', 'PrimaryVendorNo']);
const documents = new Set(['SalesOrderNo', 'PurchaseOrderNo', 'MasterRepeatingOrderNo']);
const zeroFilled = new Set(['TermsCode', 'WarehouseCode', 'DefaultWarehouseCode', 'LineKey', 'HeaderSeqNo', 'DetailSeqNo', 'SequenceNo']);
const upper = new Set(['ShipToCode', 'PrimaryShipToCode', 'ContactCode', 'ItemCode', 'SalespersonNo', 'ProductLine', 'TaxSchedule', 'CountryCode', 'ShipToCountryCode', 'BillToCountryCode', 'State', 'ShipToState', 'BillToState', 'CustomerType', 'PriceLevel', 'TaxClass', 'InvoiceType', 'OrderType', 'OrderStatus', 'CustomerStatus']);

/** How Sage normalises a value typed into a key or code column. */
export function normalizeColumn(column: ColumnDef, value: string, divisionsEnabled: boolean): string {
  const { name, length } = column;
  if (divisions.has(name)) return normalizeDivision(value, divisionsEnabled);
  if (customers.has(name)) return normalizeCustomerNo(value);
  if (documents.has(name)) return normalizeDocumentNo(value, length);
  if (zeroFilled.has(name)) return normalizeCode(value, length, true);
  if (upper.has(name)) return normalizeCode(value, length);
  return value.replace(/\s+$/, '');
}
