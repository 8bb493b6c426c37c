// In-memory keyed files: rows by fixed-width primary key (so key order = ProvideX order) plus secondary indexes.
import type { Row, TableDef, Value } from '../schema/columns';

export function blankRow(def: TableDef): Row {
  const row: Row = {};
  for (const c of def.columns) row[c.name] = c.type === 'N' ? 0 : c.type === 'Y' ? 'N' : '';
  return Object.assign(row, def.defaults);
}

function indexKey(row: Row, columns: string[]): string {
  return columns.map((c) => String(row[c] ?? '')).join('\u0001');
}

export class TableStore {
  private readonly rows = new Map<string, Row>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  private sorted: string[] | null = null;

  constructor(readonly def: TableDef) {
    for (const name of Object.keys(def.indexes)) this.indexes.set(name, new Map());
  }

  /** Fixed-width concatenation of the key columns, the form `nSetKey(key)` also accepts. */
  keyOf(values: Row | Value[]): string {
    return this.def.key
      .map((col, i) => {
        const v = Array.isArray(values) ? values[i] : values[col];
        return String(v ?? '').padEnd(this.def.byName.get(col)?.length ?? 0);
      })
      .join('');
  }

  get size(): number {
    return this.rows.size;
  }

  get(key: string): Row | undefined {
    return this.rows.get(key);
  }

  put(row: Row): void {
    const key = this.keyOf(row);
    const old = this.rows.get(key);
    if (old) this.unindex(key, old);
    else this.sorted = null;
    this.rows.set(key, row);
    for (const [name, cols] of Object.entries(this.def.indexes)) {
      const map = this.indexes.get(name) as Map<string, Set<string>>;
      const ik = indexKey(row, cols);
      const set = map.get(ik) ?? new Set<string>();
      map.set(ik, set.add(key));
    }
  }

  delete(key: string): boolean {
    const old = this.rows.get(key);
    if (!old) return false;
    this.unindex(key, old);
    this.rows.delete(key);
    this.sorted = null;
    return true;
  }

  private unindex(key: string, row: Row): void {
    for (const [name, cols] of Object.entries(this.def.indexes)) this.indexes.get(name)?.get(indexKey(row, cols))?.delete(key);
  }

  /** Rows whose index columns equal `values`, in key order. */
  find(index: string, values: Value[]): Row[] {
    const set = this.indexes.get(index)?.get(values.map(String).join('\u0001'));
    if (!set) return [];
    return [...set].sort().map((k) => this.rows.get(k) as Row);
  }

  keys(): string[] {
    this.sorted ??= [...this.rows.keys()].sort();
    return this.sorted;
  }

  /** Rows in key order, optionally only those whose key starts with `prefix`. */
  *scan(prefix = ''): Generator<Row> {
    for (const k of this.keys()) if (k.startsWith(prefix)) yield this.rows.get(k) as Row;
  }

  clear(): void {
    this.rows.clear();
    for (const m of this.indexes.values()) m.clear();
    this.sorted = null;
  }
}
