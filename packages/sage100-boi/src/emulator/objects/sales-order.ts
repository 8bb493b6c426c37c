// SO_SalesOrder_bus: header defaulting from the customer, duplicate-PO warning, credit policy, and the
// atomic header+lines commit with inventory commitments (reference §2.1, §5, §8.6–§8.12).
import type { Row, Value } from '../../schema/columns';
import { BoiError, type BoiLines, type BoiRef } from '../../types';
import { BusObject, type ObjectContext } from '../bus-object';
import { fail, warn, type Outcome } from '../outcome';
import { SalesOrderLines } from './sales-order-lines';
import { adjustOpenOrderAmt, applyTotals, commitInventory, commits, orderTotal, writeHistory } from './so-effects';

const ORDER_TYPES = new Set(['S', 'B', 'Q', 'M', 'R', 'P']);
const ORDER_STATUSES = new Set(['N', 'O', 'C', 'H']);
export const DUPLICATE_PO_MESSAGE = 'This customer PO number already exists on one or more sales orders or invoices.';

export class SalesOrderBus extends BusObject {
  private readonly lines: SalesOrderLines;
  private committed: { header: Row; lines: Row[] } | null = null;

  constructor(ctx: ObjectContext) {
    super(ctx);
    const detail = ctx.session.company?.table('SO_SalesOrderDetail');
    if (!detail) throw new BoiError('com', 'No company.');
    this.lines = new SalesOrderLines({ ...ctx, table: detail }, {
      header: () => (this.nEditState ? this.record : null),
      customer: () => this.customerRow(),
      linesChanged: () => this.record && applyTotals(this.company, this.record, this.lines.staged),
    });
  }

  override get oLines(): BoiLines {
    return this.lines;
  }

  override nGetNextSalesOrderNo(out: BoiRef<string>): number {
    const headers = this.table;
    const history = this.company.table('SO_SalesOrderHistoryHeader');
    let no: string;
    // The counter advances on every call (gaps are normal) and skips numbers already used.
    do no = this.company.next('SalesOrderNo');
    while (headers.get(headers.keyOf([no])) || history.get(history.keyOf([no])));
    this.emu.changed();
    out.value = no;
    return this.answer(null);
  }

  private customerRow(): Row | undefined {
    const r = this.record;
    if (!r || r.CustomerNo === '') return undefined;
    const customers = this.company.table('AR_Customer');
    return customers.get(customers.keyOf([r.ARDivisionNo ?? '', r.CustomerNo ?? '']));
  }

  protected override initNew(): void {
    const r = this.record as Row;
    const today = this.ctx.session.date('S/O');
    Object.assign(r, { OrderDate: today, ShipExpireDate: today, WarehouseCode: this.company.options.defaultWarehouse, ARDivisionNo: this.company.options.divisionsEnabled ? '' : '00' });
    this.committed = null;
    this.lines.reset([]);
  }

  protected override loaded(): void {
    const r = this.record as Row;
    const lines = this.company.table('SO_SalesOrderDetail').find('byOrder', [r.SalesOrderNo ?? '']);
    this.committed = { header: { ...r }, lines: lines.map((l) => ({ ...l })) };
    this.lines.reset(lines);
  }

  protected override release(): void {
    super.release();
    this.lines?.reset([]);
  }

  protected override setColumn(name: string, value: Value): Outcome | void {
    const r = this.record as Row;
    switch (name) {
      case 'CustomerNo':
        return this.setCustomer(r, String(value));
      case 'ShipToCode':
        return this.setShipTo(r, String(value));
      case 'OrderType':
        if (!ORDER_TYPES.has(String(value))) return fail('CI_Invalid', `The Order Type ${value} is not valid (S, B, Q, M, R, P).`);
        break;
      case 'OrderStatus':
        if (!ORDER_STATUSES.has(String(value))) return fail('CI_Invalid', `The Order Status ${value} is not valid (N, O, C, H).`);
        break;
      case 'CustomerPONo':
        r.CustomerPONo = value;
        return this.duplicatePo(r);
    }
    r[name] = value;
  }

  private setCustomer(r: Row, customerNo: string): Outcome | void {
    if (this.nEditState === 1 && customerNo !== r.CustomerNo) return fail('CI_Invalid', 'The customer cannot be changed on an existing order.');
    const div = String(r.ARDivisionNo || '00');
    const customers = this.company.table('AR_Customer');
    const c = customers.get(customers.keyOf([div, customerNo]));
    if (!c) return fail('CI_NOF', `Customer ${div}-${customerNo} is not on file.`);
    if (c.CustomerStatus === 'I') return fail('CI_Inactive', `Customer ${div}-${customerNo} is inactive.`);
    const policy = this.company.options.creditPolicy;
    const onHold = c.CreditHold === 'Y' && policy !== 'ignore' && commits(String(r.OrderType));
    const holdMsg = `Customer ${div}-${customerNo} is on credit hold.`;
    if (onHold && policy === 'reject') return fail('SO_CreditHold', holdMsg);
    Object.assign(r, {
      ARDivisionNo: div,
      CustomerNo: customerNo,
      BillToDivisionNo: div,
      BillToCustomerNo: customerNo,
      BillToName: c.CustomerName,
      BillToAddress1: c.AddressLine1,
      BillToAddress2: c.AddressLine2,
      BillToAddress3: c.AddressLine3,
      BillToCity: c.City,
      BillToState: c.State,
      BillToZipCode: c.ZipCode,
      BillToCountryCode: c.CountryCode,
      TermsCode: c.TermsCode,
      TaxSchedule: c.TaxSchedule,
      TaxExemptNo: c.TaxExemptNo,
      SalespersonDivisionNo: c.SalespersonDivisionNo,
      SalespersonNo: c.SalespersonNo,
      ShipVia: c.ShipMethod,
      EmailAddress: c.EmailAddress,
    });
    const shipTo = this.setShipTo(r, String(c.PrimaryShipToCode ?? ''));
    if (shipTo) this.setShipTo(r, '');
    if (onHold && policy === 'hold') r.OrderStatus = 'H';
    if (onHold) return warn('SO_CreditHold', holdMsg);
  }

  /** A ship-to code fills the ship-to block; blank ships to the customer's own address. */
  private setShipTo(r: Row, code: string): Outcome | void {
    if (code === '') {
      const c = this.customerRow();
      Object.assign(r, {
        ShipToCode: '',
        ShipToName: c?.CustomerName ?? '',
        ShipToAddress1: c?.AddressLine1 ?? '',
        ShipToAddress2: c?.AddressLine2 ?? '',
        ShipToAddress3: c?.AddressLine3 ?? '',
        ShipToCity: c?.City ?? '',
        ShipToState: c?.State ?? '',
        ShipToZipCode: c?.ZipCode ?? '',
        ShipToCountryCode: c?.CountryCode ?? '',
      });
      return;
    }
    const table = this.company.table('SO_ShipToAddress');
    const s = table.get(table.keyOf([r.ARDivisionNo ?? '', r.CustomerNo ?? '', code]));
    if (!s) return fail('CI_NOF', `The Ship To Code ${code} is not on file for customer ${r.ARDivisionNo}-${r.CustomerNo}.`);
    for (const col of ['ShipToName', 'ShipToAddress1', 'ShipToAddress2', 'ShipToAddress3', 'ShipToCity', 'ShipToState', 'ShipToZipCode', 'ShipToCountryCode']) r[col] = s[col] ?? '';
    r.ShipToCode = code;
    if (s.WarehouseCode) r.WarehouseCode = s.WarehouseCode;
    if (s.TaxSchedule) r.TaxSchedule = s.TaxSchedule;
    if (s.ShipVia) r.ShipVia = s.ShipVia;
  }

  /** KDUPLICATEPO (ARDivisionNo+CustomerNo+CustomerPONo) on open orders, plus posted invoices. */
  private duplicatePo(r: Row): Outcome | void {
    if (!this.company.options.duplicatePoCheck || r.CustomerPONo === '') return;
    const key: Value[] = [r.ARDivisionNo ?? '', r.CustomerNo ?? '', r.CustomerPONo ?? ''];
    const onOrders = this.table.find('KDUPLICATEPO', key).some((o) => o.SalesOrderNo !== r.SalesOrderNo);
    const onInvoices = this.company.table('AR_InvoiceHistoryHeader').find('byPo', key).length > 0;
    if (onOrders || onInvoices) return warn('SO_DuplicatePO', DUPLICATE_PO_MESSAGE);
  }

  protected override beforeWrite(r: Row): Outcome | void {
    applyTotals(this.company, r, this.lines.staged);
    const policy = this.company.options.creditPolicy;
    const c = this.customerRow();
    if (!c || policy === 'ignore' || !commits(String(r.OrderType)) || Number(c.CreditLimit) <= 0) return;
    const previous = this.committed && commits(String(this.committed.header.OrderType)) ? orderTotal(this.committed.header) : 0;
    const exposure = Number(c.CurrentBalance) + Number(c.OpenOrderAmt) - previous + orderTotal(r);
    if (exposure <= Number(c.CreditLimit)) return;
    const msg = `Customer ${c.ARDivisionNo}-${c.CustomerNo} has exceeded the credit limit of ${Number(c.CreditLimit).toFixed(2)}.`;
    if (policy === 'reject') return fail('SO_CreditLimit', msg);
    if (policy === 'hold') r.OrderStatus = 'H';
    return warn('SO_CreditLimit', msg);
  }

  /** Header and every staged line land together; commitments and open-order amount move by the difference. */
  protected override commit(r: Row, _isNew: boolean): void {
    const detail = this.company.table('SO_SalesOrderDetail');
    if (this.committed) {
      commitInventory(this.company, String(this.committed.header.OrderType), this.committed.lines, -1);
      adjustOpenOrderAmt(this.company, this.committed.header, -1);
      for (const l of this.committed.lines) detail.delete(detail.keyOf(l));
    }
    const lines = this.lines.staged.map((l) => ({ ...l, SalesOrderNo: r.SalesOrderNo ?? '' }));
    for (const l of lines) detail.put(l);
    this.table.put(r);
    commitInventory(this.company, String(r.OrderType), lines, 1);
    adjustOpenOrderAmt(this.company, r, 1);
    writeHistory(this.company, r, lines, r.OrderType === 'Q' ? 'Q' : 'A');
    this.committed = null;
  }

  protected override afterCommit(): void {
    const faults = this.emu.faults;
    if (faults.timeoutAfterCommit <= 0) return;
    faults.timeoutAfterCommit--;
    this.ctx.session.kill();
    throw new BoiError('timeout', 'SO_SalesOrder_bus.nWrite did not return in time.');
  }

  protected override beforeDelete(r: Row): Outcome | void {
    if (this.lines.staged.some((l) => Number(l.QuantityShipped) > 0))
      return fail('SO_CannotDelete', `Sales order ${r.SalesOrderNo} has shipped lines and cannot be deleted.`);
  }

  /** Deleting leaves no trace in the open tables; history keeps it as X (order) or Z (quote). */
  protected override remove(r: Row): void {
    const detail = this.company.table('SO_SalesOrderDetail');
    const lines = detail.find('byOrder', [r.SalesOrderNo ?? '']);
    commitInventory(this.company, String(r.OrderType), lines, -1);
    adjustOpenOrderAmt(this.company, r, -1);
    for (const l of lines) detail.delete(detail.keyOf(l));
    this.table.delete(this.table.keyOf(r));
    const { date, time } = this.emu.stamp();
    writeHistory(this.company, { ...r, CancelledDate: date, DateUpdated: date, TimeUpdated: time, UserUpdatedKey: this.userKey }, null, r.OrderType === 'Q' ? 'Z' : 'X');
  }
}
