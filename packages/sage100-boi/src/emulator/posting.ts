// Work that happens inside Sage rather than through an integration's BOI calls: shipping, the sales journal
// update (invoice posting), cash receipts posting, inventory adjustments and Visual-Integrator-style bulk
// updates. The emulator's control API drives these so demos and tests can move documents forward.
import type { Row } from '../schema/columns';
import { addDaysYmd, round } from '../values';
import type { Company } from './company';
import type { Sage100Emulator } from './emulator';
import { orderTotal, writeHistory } from './objects/so-effects';

export class PostingError extends Error {}

function audit(emu: Sage100Emulator, company: Company, table: string, row: Row, isNew: boolean): void {
  emu.applyStamps(row, { isNew, userKey: '0000000000', audit: company.table(table).def.audit });
  company.table(table).put(row);
}

function order(company: Company, orderNo: string): { header: Row; lines: Row[] } {
  const headers = company.table('SO_SalesOrderHeader');
  const header = headers.get(headers.keyOf([orderNo]));
  if (!header) throw new PostingError(`Sales order ${orderNo} is not open.`);
  return { header, lines: company.table('SO_SalesOrderDetail').find('byOrder', [orderNo]) };
}

/** Marks every line shipped in full (picking/shipping entry). */
export function shipOrder(emu: Sage100Emulator, company: Company, orderNo: string): void {
  const { header, lines } = order(company, orderNo);
  if (header.OrderType === 'Q') throw new PostingError(`Sales order ${orderNo} is a quote and cannot be shipped.`);
  for (const l of lines) l.QuantityShipped = l.QuantityOrdered ?? 0;
  header.OrderStatus = 'O';
  audit(emu, company, 'SO_SalesOrderHeader', header, false);
  emu.changed();
}

/** Invoices the shipped quantities and updates the sales journal: AR history, open invoice, stock, balance. */
export function invoiceOrder(emu: Sage100Emulator, company: Company, orderNo: string): string {
  const { header, lines } = order(company, orderNo);
  if (!lines.some((l) => Number(l.QuantityShipped) > 0)) shipOrder(emu, company, orderNo);
  const today = emu.stamp().date;
  const invoiceNo = company.next('InvoiceNo');
  const terms = company.table('AR_TermsCode').get(company.table('AR_TermsCode').keyOf([header.TermsCode ?? '']));
  const dueDate = addDaysYmd(today, Number(terms?.DaysBeforeDue ?? 30));
  const total = orderTotal(header);
  const hh = company.table('AR_InvoiceHistoryHeader');
  const inv: Row = { ...pickColumns(header, hh.def.columns.map((c) => c.name)), InvoiceNo: invoiceNo, HeaderSeqNo: '000000', ModuleCode: 'S/O', InvoiceType: 'IN', InvoiceDate: today, TransactionDate: today, InvoiceDueDate: dueDate, SourceJournal: 'SO', ShipDate: today, TaxableSalesAmt: header.TaxableAmt ?? 0, NonTaxableSalesAmt: header.NonTaxableAmt ?? 0 };
  audit(emu, company, 'AR_InvoiceHistoryHeader', company.load('AR_InvoiceHistoryHeader', inv), true);
  const items = company.table('CI_Item');
  const iw = company.table('IM_ItemWarehouse');
  for (const l of lines) {
    company.load('AR_InvoiceHistoryDetail', { ...pickColumns(l, company.table('AR_InvoiceHistoryDetail').def.columns.map((c) => c.name)), InvoiceNo: invoiceNo, HeaderSeqNo: '000000', DetailSeqNo: l.LineKey ?? '' });
    if (l.ItemType !== '1') continue;
    const stock = iw.get(iw.keyOf([l.ItemCode ?? '', l.WarehouseCode ?? '']));
    if (stock) {
      stock.QuantityOnHand = round(Number(stock.QuantityOnHand) - Number(l.QuantityShipped), 6);
      stock.QuantityOnSalesOrder = round(Number(stock.QuantityOnSalesOrder) - Number(l.QuantityOrdered), 6);
    }
    const item = items.get(items.keyOf([l.ItemCode ?? '']));
    if (item) Object.assign(item, { TotalQuantityOnHand: round(Number(item.TotalQuantityOnHand) - Number(l.QuantityShipped), 6), LastSoldDate: today });
  }
  const open = company.load('AR_OpenInvoice', { ARDivisionNo: header.ARDivisionNo ?? '', CustomerNo: header.CustomerNo ?? '', InvoiceNo: invoiceNo, InvoiceType: 'IN', InvoiceDate: today, InvoiceDueDate: dueDate, TermsCode: header.TermsCode ?? '', CustomerPONo: header.CustomerPONo ?? '', Balance: total, InvoiceAmt: total, TaxableAmt: header.TaxableAmt ?? 0, NonTaxableAmt: header.NonTaxableAmt ?? 0, SalesTaxAmt: header.SalesTaxAmt ?? 0, FreightAmt: header.FreightAmt ?? 0 });
  audit(emu, company, 'AR_OpenInvoice', open, true);
  // Balances move by posting, without touching the customer's audit stamps (a CDC blind spot).
  const customer = customerOf(company, header);
  if (customer) Object.assign(customer, { CurrentBalance: round(Number(customer.CurrentBalance) + total, 2), OpenOrderAmt: round(Number(customer.OpenOrderAmt) - total, 2), DateLastActivity: today });
  const detail = company.table('SO_SalesOrderDetail');
  for (const l of lines) detail.delete(detail.keyOf(l));
  company.table('SO_SalesOrderHeader').delete(company.table('SO_SalesOrderHeader').keyOf(header));
  const { time } = emu.stamp();
  writeHistory(company, { ...header, LastInvoiceOrderNo: invoiceNo, LastInvoiceOrderDate: today, DateUpdated: today, TimeUpdated: time }, lines, 'C');
  emu.changed();
  return invoiceNo;
}

function customerOf(company: Company, row: Row): Row | undefined {
  const customers = company.table('AR_Customer');
  return customers.get(customers.keyOf([row.ARDivisionNo ?? '', row.CustomerNo ?? '']));
}

const AUDIT_COLUMNS = new Set(['DateCreated', 'TimeCreated', 'UserCreatedKey', 'DateUpdated', 'TimeUpdated', 'UserUpdatedKey']);

/** Same-named columns carry over from order to invoice (UDFs included, as Sage's UDF flow-through does). */
function pickColumns(row: Row, columns: string[]): Row {
  const out: Row = {};
  for (const c of columns) if (row[c] !== undefined && !AUDIT_COLUMNS.has(c)) out[c] = row[c];
  return out;
}

export interface ReceiptInput {
  arDivisionNo: string;
  customerNo: string;
  amount: number;
  invoiceNo?: string;
  checkNo?: string;
}

/** Posts a cash receipt, applying it to the named invoice or to the oldest open invoices. */
export function postCashReceipt(emu: Sage100Emulator, company: Company, input: ReceiptInput): { depositNo: string; applied: { invoiceNo: string; amount: number }[] } {
  const customer = customerOf(company, { ARDivisionNo: input.arDivisionNo, CustomerNo: input.customerNo });
  if (!customer) throw new PostingError(`Customer ${input.arDivisionNo}-${input.customerNo} is not on file.`);
  const open = company
    .table('AR_OpenInvoice')
    .find('byCustomer', [input.arDivisionNo, input.customerNo])
    .filter((i) => Number(i.Balance) > 0 && (!input.invoiceNo || i.InvoiceNo === input.invoiceNo))
    .sort((a, b) => String(a.InvoiceDate).localeCompare(String(b.InvoiceDate)));
  const owed = round(open.reduce((s, i) => s + Number(i.Balance), 0), 2);
  if (input.amount <= 0 || input.amount > owed) throw new PostingError(`Receipt amount ${input.amount.toFixed(2)} must be between 0.01 and the open balance ${owed.toFixed(2)}.`);
  const today = emu.stamp().date;
  const depositNo = company.next('DepositNo', 5);
  const checkNo = input.checkNo ?? `CHK${depositNo}`;
  let left = input.amount;
  const applied: { invoiceNo: string; amount: number }[] = [];
  for (const inv of open) {
    if (left <= 0) break;
    const amt = round(Math.min(left, Number(inv.Balance)), 2);
    left = round(left - amt, 2);
    inv.Balance = round(Number(inv.Balance) - amt, 2);
    audit(emu, company, 'AR_OpenInvoice', inv, false);
    const seq = String(applied.length + 1).padStart(6, '0');
    const receipt = company.load('AR_CashReceiptsHistory', { BankCode: 'A', DepositDate: today, DepositNo: depositNo, DepositType: 'C', ARDivisionNo: input.arDivisionNo, CustomerNo: input.customerNo, CheckNo: checkNo, SequenceNo: seq, PostingDate: today, CustomerName: customer.CustomerName ?? '', TransactionType: 'PY', InvoiceNo: inv.InvoiceNo ?? '', InvoiceType: 'IN', DepositDesc: `Deposit ${depositNo}`, CashAmountApplied: amt, InvoiceBalance: inv.Balance, PaymentType: 'CHECK' });
    audit(emu, company, 'AR_CashReceiptsHistory', receipt, true);
    company.load('AR_TransactionPaymentHistory', { ARDivisionNo: input.arDivisionNo, CustomerNo: input.customerNo, InvoiceNo: inv.InvoiceNo ?? '', InvoiceType: 'IN', TransactionDate: today, SequenceNo: `${depositNo}${seq.slice(-1)}`, TransactionType: 'P', CheckNo: checkNo, TransactionAmt: amt });
    applied.push({ invoiceNo: String(inv.InvoiceNo), amount: amt });
  }
  Object.assign(customer, { CurrentBalance: round(Number(customer.CurrentBalance) - input.amount, 2), LastPaymentAmt: input.amount, DateLastPayment: today });
  emu.changed();
  return { depositNo, applied };
}

/** Inventory adjustment: on-hand quantity set or moved; no audit stamp (snapshot-and-diff territory). */
export function setStock(emu: Sage100Emulator, company: Company, input: { itemCode: string; warehouseCode: string; quantityOnHand?: number; adjustBy?: number }): Row {
  const items = company.table('CI_Item');
  const item = items.get(items.keyOf([input.itemCode]));
  if (!item || item.ItemType !== '1') throw new PostingError(`Item ${input.itemCode} is not a regular inventory item.`);
  const iw = company.table('IM_ItemWarehouse');
  const row = iw.get(iw.keyOf([input.itemCode, input.warehouseCode])) ?? company.load('IM_ItemWarehouse', { ItemCode: input.itemCode, WarehouseCode: input.warehouseCode });
  const before = Number(row.QuantityOnHand);
  row.QuantityOnHand = round(input.quantityOnHand ?? before + (input.adjustBy ?? 0), 6);
  item.TotalQuantityOnHand = round(Number(item.TotalQuantityOnHand) + Number(row.QuantityOnHand) - before, 6);
  emu.changed();
  return row;
}

/** Visual Integrator-style update: values change, DateUpdated/TimeUpdated do not. Returns rows touched. */
export function bulkUpdate(emu: Sage100Emulator, company: Company, input: { table: string; where: Row; set: Row }): number {
  const t = company.table(input.table);
  let n = 0;
  for (const row of [...t.scan()]) {
    if (!Object.entries(input.where).every(([k, v]) => row[k] === v)) continue;
    t.put({ ...row, ...input.set });
    n++;
  }
  emu.changed();
  return n;
}

/** Removes rows outright, as a purge or a direct file fix would: nothing is left for stamp polling. */
export function purgeRows(emu: Sage100Emulator, company: Company, input: { table: string; where: Row }): number {
  const t = company.table(input.table);
  const victims = [...t.scan()].filter((row) => Object.entries(input.where).every(([k, v]) => row[k] === v));
  for (const row of victims) t.delete(t.keyOf(row));
  emu.changed();
  return victims.length;
}
