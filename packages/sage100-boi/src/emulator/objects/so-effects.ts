// What writing or removing a sales order does beyond its own rows: totals, inventory commitments,
// the customer's open-order amount and the history mirror (reference §3.4, §3.7, §8.12).
import type { ColumnDef, Row } from '../../schema/columns';
import { round } from '../../values';
import type { Company } from '../company';

/** Quotes and master/repeating orders never commit inventory or count toward credit. */
export function commits(orderType: string): boolean {
  return orderType === 'S' || orderType === 'B';
}

export function extension(line: Row): number {
  return round(Number(line.QuantityOrdered) * Number(line.UnitPrice) * (1 - Number(line.LineDiscountPercent) / 100), 2);
}

/** Recomputes header totals from its lines. Tax: one flat rate per schedule (a stated simplification). */
export function applyTotals(company: Company, header: Row, lines: Row[]): void {
  let taxable = 0;
  let nonTaxable = 0;
  for (const line of lines) {
    if (line.ItemType === '4') continue;
    const amt = Number(line.ExtensionAmt);
    if (line.TaxClass !== 'NT' && header.TaxExemptNo === '') taxable += amt;
    else nonTaxable += amt;
  }
  const rate = Number(company.table('SY_SalesTaxSchedule').get(company.table('SY_SalesTaxSchedule').keyOf([header.TaxSchedule ?? '']))?.TaxRate ?? 0);
  header.TaxableAmt = round(taxable, 2);
  header.NonTaxableAmt = round(nonTaxable, 2);
  header.SalesTaxAmt = round((taxable * rate) / 100, 2);
  if (Number(header.DiscountRate) > 0) header.DiscountAmt = round(((taxable + nonTaxable) * Number(header.DiscountRate)) / 100, 2);
}

/** Order total is not a stored column: TaxableAmt + NonTaxableAmt + SalesTaxAmt + FreightAmt − DiscountAmt. */
export function orderTotal(header: Row): number {
  return round(Number(header.TaxableAmt) + Number(header.NonTaxableAmt) + Number(header.SalesTaxAmt) + Number(header.FreightAmt) - Number(header.DiscountAmt), 2);
}

/** Moves IM_ItemWarehouse on-order quantities. Postings do not touch the audit stamps (reference §6). */
export function commitInventory(company: Company, orderType: string, lines: Row[], sign: 1 | -1): void {
  if (!commits(orderType)) return;
  const iw = company.table('IM_ItemWarehouse');
  const column = orderType === 'B' ? 'QuantityOnBackOrder' : 'QuantityOnSalesOrder';
  for (const line of lines) {
    if (line.ItemType !== '1') continue;
    const open = Number(line.QuantityOrdered) - Number(line.QuantityShipped);
    if (open === 0) continue;
    const key = iw.keyOf([line.ItemCode ?? '', line.WarehouseCode ?? '']);
    const row = iw.get(key) ?? company.load('IM_ItemWarehouse', { ItemCode: line.ItemCode ?? '', WarehouseCode: line.WarehouseCode ?? '' });
    row[column] = round(Number(row[column]) + sign * open, 6);
  }
}

export function adjustOpenOrderAmt(company: Company, header: Row, sign: 1 | -1): void {
  if (!commits(String(header.OrderType))) return;
  const customers = company.table('AR_Customer');
  const customer = customers.get(customers.keyOf(header));
  if (customer) customer.OpenOrderAmt = round(Number(customer.OpenOrderAmt) + sign * orderTotal(header), 2);
}

/** SO_SalesOrderHistoryHeader/Detail mirror; status A/C/X for orders and Q/Z for quotes. */
export function writeHistory(company: Company, header: Row, lines: Row[] | null, status: string): void {
  if (!company.options.retainHistory) return;
  const hh = company.table('SO_SalesOrderHistoryHeader');
  const existing = hh.get(hh.keyOf(header));
  hh.put({ ...(existing ?? {}), ...pick(header, hh.def.columns), OrderStatus: status });
  if (!lines) return;
  const hd = company.table('SO_SalesOrderHistoryDetail');
  for (const old of hd.find('byOrder', [header.SalesOrderNo ?? ''])) hd.delete(hd.keyOf(old));
  for (const line of lines) hd.put({ ...line });
}

function pick(row: Row, columns: ColumnDef[]): Row {
  const out: Row = {};
  for (const { name } of columns) if (row[name] !== undefined) out[name] = row[name];
  return out;
}
