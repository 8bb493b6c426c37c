// The emulator's ODBC-like read surface: SELECT only, key order, no edit locks.
import type { Row } from '../schema/columns';
import type { SageConnection, SageReader, SelectQuery, TableInfo } from '../types';
import type { Company } from './company';
import type { Sage100Emulator } from './emulator';
import type { TableStore } from './store';

/** System lookup tables stay out of the catalogue; they are read through the rows that reference them. */
const HIDDEN = new Set(['SY_ZipCode']);

export function tableInfo(store: TableStore): TableInfo {
  const { def } = store;
  return {
    name: def.name,
    key: def.key,
    columns: def.columns.map((c) => ({ name: c.name, type: c.type, length: c.length, scale: c.scale })),
    stamped: def.audit !== 'none',
  };
}

export class EmulatorReader implements SageReader {
  constructor(
    private readonly emu: Sage100Emulator,
    private readonly connection: SageConnection,
  ) {}

  private company(): Company {
    const company = this.emu.company(this.connection.company);
    const user = this.emu.users.get(this.connection.user.toUpperCase());
    if (!user || user.password !== this.connection.password) throw new Error('The user logon or password is invalid.');
    if (!company.options.allowExternalAccess) throw new Error(`External access is not allowed for company ${company.code}.`);
    return company;
  }

  tables(): TableInfo[] {
    return [...this.company().tables.values()].filter((t) => !HIDDEN.has(t.def.name)).map(tableInfo);
  }

  async select(q: SelectQuery): Promise<Row[]> {
    const latency = this.emu.faults.latencyMs;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const store = this.company().tables.get(q.table);
    if (!store) throw new Error(`Table ${q.table} is not defined.`);
    const where = Object.entries(q.where ?? {});
    const index = Object.entries(store.def.indexes).find(([, cols]) => cols.length === where.length && cols.every((c) => q.where?.[c] !== undefined));
    const keyPrefix = store.def.key.every((k) => q.where?.[k] !== undefined) ? store.keyOf(q.where ?? {}) : null;
    const candidates: Iterable<Row> = keyPrefix !== null ? [store.get(keyPrefix)].filter((r): r is Row => !!r) : index ? store.find(index[0], index[1].map((c) => q.where?.[c] ?? '')) : store.scan();
    const after = q.after ? store.keyOf(q.after) : null;
    const limit = q.limit ?? Number.POSITIVE_INFINITY;
    const out: Row[] = [];
    for (const row of candidates) {
      if (out.length >= limit) break;
      if (after !== null && store.keyOf(row) <= after) continue;
      if (q.updatedSince && String(row.DateUpdated ?? '') < q.updatedSince) continue;
      if (!where.every(([k, v]) => row[k] === v)) continue;
      out.push({ ...row });
    }
    return out;
  }

  async close(): Promise<void> {}
}
