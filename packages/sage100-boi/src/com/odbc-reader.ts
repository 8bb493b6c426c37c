// Reads over the ProvideX ODBC driver (SOTAMAS90, read-only) through the `odbc` module, Windows only.
// Table layouts come from this package's schema; UDF columns of the install come back as extra columns.
import { TABLES } from '../schema';
import type { Row } from '../schema/columns';
import type { SageConnection, SageReader, SelectQuery, TableInfo } from '../types';
import { tableInfo } from '../emulator/reader';
import { TableStore } from '../emulator/store';
import { loadWindowsModule } from './load';

/** The part of the `odbc` module's connection this reader uses. */
export interface OdbcConnection {
  query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Opens the driver connection; tests pass the emulator's SQL surface instead. */
export function odbcConnect(base: string, c: SageConnection): () => Promise<OdbcConnection> {
  return () => loadWindowsModule<{ connect(cs: string): Promise<OdbcConnection> }>('odbc').connect(`${base};UID=${c.user};PWD=${c.password};Company=${c.company};StripTrailingSpaces=1`);
}

export class OdbcReader implements SageReader {
  private conn: Promise<OdbcConnection> | null = null;

  constructor(private readonly connect: () => Promise<OdbcConnection>) {}

  private connection(): Promise<OdbcConnection> {
    this.conn ??= this.connect();
    return this.conn;
  }

  tables(): TableInfo[] {
    return [...TABLES.values()].map((def) => tableInfo(new TableStore(def)));
  }

  async select(q: SelectQuery): Promise<Row[]> {
    const def = TABLES.get(q.table);
    if (!def) throw new Error(`Table ${q.table} is not defined.`);
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [col, value] of Object.entries(q.where ?? {})) {
      where.push(`${col} = ?`);
      params.push(value);
    }
    // ProvideX ODBC wants date literals in ODBC escape syntax.
    if (q.updatedSince) where.push(`DateUpdated >= {d '${q.updatedSince.slice(0, 4)}-${q.updatedSince.slice(4, 6)}-${q.updatedSince.slice(6, 8)}'}`);
    if (q.after) {
      // Composite-key paging: (k1 > a) OR (k1 = a AND k2 > b) …
      const ors = def.key.map((k, i) => `(${[...def.key.slice(0, i).map((p) => `${p} = ?`), `${k} > ?`].join(' AND ')})`);
      where.push(`(${ors.join(' OR ')})`);
      def.key.forEach((_, i) => params.push(...(q.after ?? []).slice(0, i + 1)));
    }
    const top = q.limit ? `TOP ${Math.floor(q.limit)} ` : '';
    const sql = `SELECT ${top}* FROM ${def.name}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${def.key.join(', ')}`;
    const rows = await (await this.connection()).query(sql, params);
    // Back to BOI encodings: SQL DATE → YYYYMMDD, NULL → '' (ProvideX has no NULL), strings right-trimmed.
    const dateColumns = new Set(def.columns.filter((c) => c.type === 'D').map((c) => c.name));
    const toSage = (k: string, v: unknown): string | number => {
      if (v === null || v === undefined) return '';
      if (v instanceof Date) return v.toISOString().slice(0, 10).replaceAll('-', '');
      if (dateColumns.has(k)) return String(v).slice(0, 10).replaceAll('-', '');
      return typeof v === 'number' ? v : String(v).trimEnd();
    };
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toSage(k, v)])));
  }

  async close(): Promise<void> {
    if (this.conn) await (await this.conn).close();
  }
}
