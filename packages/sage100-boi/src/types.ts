// The BOI seam: what the gateway calls. The emulator and the Windows COM binding both implement it.
import type { Row, Value } from './schema/columns';

/** By-reference argument, as COM marshals `ByRef` (nGetValue, nGetNextSalesOrderNo). */
export interface BoiRef<T = Value> {
  value: T;
}

/** A business object (`*_bus`, `*_svc`) or the `oLines` detail object of an entry header. */
export interface BoiObject {
  readonly sLastErrorMsg: string;
  readonly sLastErrorNum: string;
  /** 0 none / 1 existing / 2 new. */
  readonly nEditState: number;
  readonly nEOF: number;
  /** Entry headers only (e.g. SO_SalesOrder_bus); undefined elsewhere. */
  readonly oLines: BoiLines | undefined;
  nSetKeyValue(column: string, value: Value): number;
  nSetKey(key?: string): number;
  nFind(key?: string): number;
  nSetValue(column: string, value: Value): number;
  nGetValue(column: string, out: BoiRef): number;
  nWrite(): number;
  nDelete(key?: string): number;
  nClear(): number;
  nMoveFirst(): number;
  nMoveNext(): number;
  nSetBrowseFilter(prefix: string): number;
  sGetKeyColumns(): string;
  sGetColumns(): string;
  nGetNextSalesOrderNo(out: BoiRef<string>): number;
  nGetNextCustomerNo(out: BoiRef<string>): number;
  DropObject(): void;
}

export interface BoiLines extends BoiObject {
  nAddLine(): number;
  nEditLine(lineKey: string): number;
}

/** `ProvideX.Script` + `SY_Session`. */
export interface BoiSession {
  readonly sLastErrorMsg: string;
  nSetUser(user: string, password: string): number;
  nSetCompany(company: string): number;
  nSetDate(module: string, ymd: string): number;
  nSetModule(module: string): number;
  nLookupTask(task: string): number;
  nSetProgram(taskId: number): number;
  /** `oScript.NewObject(name, oSS)`; throws BoiError like a COM call would. */
  NewObject(name: string): BoiObject;
  nCleanup(): number;
  DropObject(): void;
}

export interface TableInfo {
  name: string;
  key: string[];
  columns: { name: string; type: 'S' | 'N' | 'D' | 'Y'; length: number; scale: number }[];
  /** Has DateUpdated/TimeUpdated, so the change feed can poll it. */
  stamped: boolean;
}

export interface SelectQuery {
  table: string;
  /** Equality filters (values in Sage encoding). */
  where?: Row;
  /** Rows whose DateUpdated (YYYYMMDD) is on or after this date — the ODBC `{d '…'}` filter. */
  updatedSince?: string;
  /** Resume after this primary key (values in key order), for paging. */
  after?: Value[];
  limit?: number;
}

/** The ODBC-style read surface: SELECT only, rows in primary-key order, strings right-trimmed. */
export interface SageReader {
  tables(): TableInfo[];
  select(query: SelectQuery): Promise<Row[]>;
  close(): Promise<void>;
}

export interface SageConnection {
  company: string;
  user: string;
  password: string;
}

export interface BoiProvider {
  readonly kind: 'emulator' | 'com';
  openSession(): BoiSession;
  openReader(connection: SageConnection): SageReader;
  /** The Sage server's current local date/time (naive: the UTC fields carry local wall-clock values). */
  serverNow(): Date;
}

export type BoiErrorKind = 'com' | 'session-lost' | 'timeout';

/** What a failing COM call raises: the session is unusable afterwards for session-lost and timeout. */
export class BoiError extends Error {
  constructor(
    readonly kind: BoiErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'BoiError';
  }
}
