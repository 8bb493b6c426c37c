// A maintenance business object over one table: the generic half of every *_bus and *_svc object.
import type { ColumnDef, Row, Value } from '../schema/columns';
import type { BoiLines, BoiObject, BoiRef } from '../types';
import { SEP } from '../values';
import { coerce } from './coerce';
import type { Company } from './company';
import type { Sage100Emulator } from './emulator';
import { fail, NO_ACCESS, type Outcome } from './outcome';
import type { EmulatorSession } from './session';
import { blankRow, type TableStore } from './store';

export interface ObjectContext {
  session: EmulatorSession;
  table: TableStore;
  task: string;
  readOnly: boolean;
}

export class BusObject implements BoiObject {
  sLastErrorMsg = '';
  sLastErrorNum = '';
  nEditState = 0;
  protected record: Row | null = null;
  protected keyValues: Row = {};
  private lockKey: string | null = null;
  private browse: { keys: string[]; pos: number } | null = null;
  private browseFilter = '';

  constructor(protected readonly ctx: ObjectContext) {}

  get oLines(): BoiLines | undefined {
    return undefined;
  }
  get nEOF(): number {
    return !this.browse || this.browse.pos >= this.browse.keys.length ? 1 : 0;
  }
  protected get table(): TableStore {
    return this.ctx.table;
  }
  protected get company(): Company {
    return this.ctx.session.company as Company;
  }
  protected get emu(): Sage100Emulator {
    return this.ctx.session.emu;
  }
  protected get userKey(): string {
    return this.ctx.session.user?.userKey ?? '';
  }

  /** Turns an outcome into the BOI return code and error properties. */
  protected answer(outcome: Outcome | void | null, success = 1): number {
    this.sLastErrorNum = outcome ? outcome.num : '';
    this.sLastErrorMsg = outcome ? outcome.msg : '';
    return outcome ? outcome.code : success;
  }

  protected can(right: 'C' | 'M' | 'R' | 'V'): boolean {
    return this.ctx.session.rights(this.ctx.task).includes(right);
  }

  /** `Name$` for strings and dates, `Name` for numbers — as ProvideX variables are named. */
  protected column(name: string): ColumnDef | Outcome {
    const isString = name.endsWith('$');
    const c = this.table.def.byName.get(isString ? name.slice(0, -1) : name);
    if (!c) return fail('CI_Invalid', `Column ${name} is not defined in ${this.table.def.name}.`);
    if (isString === (c.type === 'N')) return fail('CI_Invalid', `Invalid column name ${name}: use ${c.name}${c.type === 'N' ? '' : '$'}.`);
    return c;
  }

  private guard(): void {
    this.ctx.session.assertAlive();
  }

  /** Value must exist in the lookup table (customer, terms, warehouse …). */
  protected lookup(c: ColumnDef, value: Value, record: Row): Outcome | null {
    const lk = this.table.def.lookups[c.name];
    if (!lk || value === '' || (lk.when && !this.company.options[lk.when])) return null;
    const target = this.company.table(lk.table);
    const key = target.keyOf(lk.from.map((col) => (col === c.name ? value : (record[col] ?? ''))));
    return target.get(key) ? null : fail('CI_NOF', `The ${c.label} ${value} is not on file.`);
  }

  nSetKeyValue(column: string, value: Value): number {
    this.guard();
    const c = this.column(column);
    if ('code' in c) return this.answer(c);
    if (!this.table.def.key.includes(c.name)) return this.answer(fail('CI_Invalid', `${c.name} is not a key column of ${this.table.def.name}.`));
    const v = coerce(c, value, this.company.options.divisionsEnabled);
    if (!v.ok) return this.answer(v.outcome);
    const bad = this.lookup(c, v.value, { ...this.keyValues, [c.name]: v.value });
    if (bad) return this.answer(bad);
    this.keyValues[c.name] = v.value;
    return this.answer(null);
  }

  /** Fixed-width concatenated key (`"01"+"ABF"`), or the values given with nSetKeyValue. */
  private keyFrom(key: string | undefined): Row | Outcome {
    const values: Row = {};
    let at = 0;
    for (const col of this.table.def.key) {
      const c = this.table.def.byName.get(col) as ColumnDef;
      if (key !== undefined) {
        const v = coerce(c, key.slice(at, at + c.length), this.company.options.divisionsEnabled);
        if (!v.ok) return v.outcome;
        values[col] = v.value;
        at += c.length;
      } else values[col] = this.keyValues[col] ?? '';
      if (values[col] === '') return fail('CI_NoKey', `The ${c.label} is required.`);
    }
    return values;
  }

  protected lockName(pk: string): string {
    return `${this.company.code}|${this.table.def.name}|${pk}`;
  }

  nSetKey(key?: string): number {
    this.guard();
    if (this.ctx.readOnly) return this.answer(fail('CI_ReadOnly', 'This object is read-only.'));
    this.release();
    const values = this.keyFrom(key);
    if ('code' in values) return this.answer(values as Outcome);
    const pk = this.table.keyOf(values);
    const existing = this.table.get(pk);
    if (!this.can(existing ? 'M' : 'C')) return this.answer(fail('SY_NoAccess', NO_ACCESS));
    const holder = this.emu.lock(this.lockName(pk), this.ctx.session.id, this.ctx.session.user?.logon ?? '');
    if (holder) return this.answer(fail('CI_InUse', `The record is in use by ${holder}. Try again later.`));
    this.lockKey = this.lockName(pk);
    this.keyValues = values;
    if (existing) {
      this.record = { ...existing };
      this.nEditState = 1;
      this.loaded();
      return this.answer(null);
    }
    this.record = { ...blankRow(this.table.def), ...values };
    this.nEditState = 2;
    this.initNew();
    return this.answer(null, 2);
  }

  nFind(key?: string): number {
    this.guard();
    if (!this.can('V')) return this.answer(fail('SY_NoAccess', NO_ACCESS));
    const values = this.keyFrom(key);
    if ('code' in values) return this.answer(values as Outcome);
    const row = this.table.get(this.table.keyOf(values));
    if (!row) return this.answer(fail('CI_NoKey', 'The record is not on file.'));
    this.release();
    this.record = { ...row };
    return this.answer(null);
  }

  nSetValue(column: string, value: Value): number {
    this.guard();
    if (this.ctx.readOnly) return this.answer(fail('CI_ReadOnly', 'This object is read-only.'));
    if (!this.record || this.nEditState === 0) return this.answer(fail('CI_NoEdit', 'No record is being edited; call nSetKey first.'));
    const c = this.column(column);
    if ('code' in c) return this.answer(c);
    if (c.readOnly || this.table.def.key.includes(c.name)) return this.answer(fail('CI_ReadOnly', `The ${c.label} cannot be changed.`));
    const v = coerce(c, value, this.company.options.divisionsEnabled);
    if (!v.ok) return this.answer(v.outcome);
    const bad = this.lookup(c, v.value, this.record);
    if (bad) return this.answer(bad);
    return this.answer(this.setColumn(c.name, v.value));
  }

  /** Applies a validated value; subclasses add defaulting and business checks (return code 0 = not applied). */
  protected setColumn(name: string, value: Value): Outcome | void {
    (this.record as Row)[name] = value;
  }

  nGetValue(column: string, out: BoiRef): number {
    this.guard();
    if (!this.record) return this.answer(fail('CI_NoRecord', 'No current record.'));
    const c = this.column(column);
    if ('code' in c) return this.answer(c);
    out.value = this.record[c.name] ?? '';
    return this.answer(null);
  }

  nWrite(): number {
    this.guard();
    if (this.ctx.readOnly) return this.answer(fail('CI_ReadOnly', 'This object is read-only.'));
    const record = this.record;
    if (!record || this.nEditState === 0) return this.answer(fail('CI_NoEdit', 'No record is being edited; call nSetKey first.'));
    for (const col of this.table.def.required) {
      const c = this.table.def.byName.get(col);
      if (c && (record[col] === '' || record[col] === undefined)) return this.answer(fail('CI_Required', `The ${c.label} is required.`));
    }
    const check = this.beforeWrite(record);
    if (check?.code === 0) return this.answer(check);
    const isNew = this.nEditState === 2;
    this.emu.applyStamps(record, { isNew, userKey: this.userKey, audit: this.table.def.audit });
    this.commit(record, isNew);
    this.emu.changed();
    this.release();
    this.afterCommit();
    return this.answer(check ?? null);
  }

  /** Whole-record rules at Write: credit checks, totals. Code 0 keeps the record pending and locked. */
  protected beforeWrite(_record: Row): Outcome | void {}
  protected commit(record: Row, _isNew: boolean): void {
    this.table.put(record);
  }
  protected afterCommit(): void {}
  protected initNew(): void {}
  protected loaded(): void {}
  protected beforeDelete(_record: Row): Outcome | void {}
  protected remove(record: Row): void {
    this.table.delete(this.table.keyOf(record));
  }

  nDelete(key?: string): number {
    this.guard();
    if (key !== undefined || this.nEditState !== 1) {
      const r = this.nSetKey(key);
      if (r === 2) {
        this.nClear();
        return this.answer(fail('CI_NoKey', 'The record is not on file.'));
      }
      if (r !== 1) return 0;
    }
    if (!this.can('R')) return this.answer(fail('SY_NoAccess', NO_ACCESS));
    const record = this.record as Row;
    const refused = this.beforeDelete(record);
    if (refused) return this.answer(refused);
    this.remove(record);
    this.emu.changed();
    this.release();
    return this.answer(null);
  }

  nClear(): number {
    this.guard();
    this.release();
    this.keyValues = {};
    return this.answer(null);
  }

  /** Drops the edit state and the lock. */
  protected release(): void {
    if (this.lockKey) this.emu.unlock(this.lockKey, this.ctx.session.id);
    this.lockKey = null;
    this.record = null;
    this.nEditState = 0;
  }

  nSetBrowseFilter(prefix: string): number {
    this.browseFilter = prefix;
    this.browse = null;
    return this.answer(null);
  }

  nMoveFirst(): number {
    this.guard();
    if (!this.can('V')) return this.answer(fail('SY_NoAccess', NO_ACCESS));
    this.browse = { keys: this.table.keys().filter((k) => k.startsWith(this.browseFilter)), pos: 0 };
    return this.position();
  }

  nMoveNext(): number {
    this.guard();
    if (!this.browse) return this.nMoveFirst();
    this.browse.pos++;
    return this.position();
  }

  private position(): number {
    this.release();
    const key = this.browse?.keys[this.browse.pos];
    const row = key === undefined ? undefined : this.table.get(key);
    if (!row) return this.answer(fail('CI_EOF', 'End of file.'));
    this.record = { ...row };
    return this.answer(null);
  }

  private names(cols: ColumnDef[]): string {
    return cols.map((c) => (c.type === 'N' ? c.name : `${c.name}$`)).join(SEP);
  }
  sGetKeyColumns(): string {
    return this.names(this.table.def.key.map((k) => this.table.def.byName.get(k) as ColumnDef));
  }
  sGetColumns(): string {
    return this.names(this.table.def.columns);
  }

  nGetNextSalesOrderNo(_out: BoiRef<string>): number {
    return this.answer(fail('CI_Invalid', `nGetNextSalesOrderNo is not a method of ${this.table.def.name}.`));
  }
  nGetNextCustomerNo(_out: BoiRef<string>): number {
    return this.answer(fail('CI_Invalid', `nGetNextCustomerNo is not a method of ${this.table.def.name}.`));
  }

  DropObject(): void {
    if (this.lockKey) this.emu.unlock(this.lockKey, this.ctx.session.id);
    this.lockKey = null;
  }
}
