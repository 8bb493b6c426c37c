// One Sage company (MAS_<CO>): its options, tables (with that company's UDF columns) and next-number counters.
import { TABLES } from '../schema';
import { withUdfs, type Row, type TableDef } from '../schema/columns';
import { blankRow, TableStore } from './store';

export type CreditPolicy = 'ignore' | 'warn' | 'hold' | 'reject';

export interface CompanyOptions {
  /** Company Maintenance → Preferences → Allow External Access. */
  allowExternalAccess: boolean;
  /** A/R divisions on; off → every division is `00`. */
  divisionsEnabled: boolean;
  creditPolicy: CreditPolicy;
  duplicatePoCheck: boolean;
  /** S/O "Retain Sales Order/Quote History". */
  retainHistory: boolean;
  validateZipCodes: boolean;
  defaultWarehouse: string;
  /** Advanced Field Settings: extra columns required at Write, per table. */
  requiredFields: Record<string, string[]>;
  /** Custom Office UDF columns per table, in column-spec form (`UDF_EXT_REF:S40`). */
  udfs: Record<string, string[]>;
}

export const DEFAULT_OPTIONS: CompanyOptions = {
  allowExternalAccess: true,
  divisionsEnabled: true,
  creditPolicy: 'hold',
  duplicatePoCheck: true,
  retainHistory: true,
  validateZipCodes: false,
  defaultWarehouse: '000',
  requiredFields: {},
  udfs: {},
};

export type CounterName = 'SalesOrderNo' | 'CustomerNo' | 'InvoiceNo' | 'DepositNo';

export class Company {
  readonly tables = new Map<string, TableStore>();
  counters: Record<CounterName, number> = { SalesOrderNo: 1, CustomerNo: 1, InvoiceNo: 1, DepositNo: 1 };

  constructor(
    readonly code: string,
    public name: string,
    public options: CompanyOptions,
  ) {
    this.rebuildDefs();
  }

  /** Re-derives table definitions (UDFs, required fields) after options change; rows are kept. */
  rebuildDefs(): void {
    for (const base of TABLES.values()) {
      const def: TableDef = withUdfs(base, this.options.udfs[base.name] ?? []);
      const extraRequired = this.options.requiredFields[base.name] ?? [];
      const full = extraRequired.length ? { ...def, required: [...def.required, ...extraRequired] } : def;
      const existing = this.tables.get(base.name);
      const store = new TableStore(full);
      if (existing) for (const row of existing.scan()) store.put({ ...blankRow(full), ...row });
      this.tables.set(base.name, store);
    }
  }

  table(name: string): TableStore {
    const t = this.tables.get(name);
    if (!t) throw new Error(`Table ${name} is not defined`);
    return t;
  }

  /** Inserts a row as a data load would: blanks filled from the definition, no rules run. */
  load(tableName: string, values: Row): Row {
    const t = this.table(tableName);
    const row = { ...blankRow(t.def), ...values };
    t.put(row);
    return row;
  }

  next(counter: CounterName, width = 7): string {
    const n = this.counters[counter]++;
    return String(n).padStart(width, '0');
  }
}
