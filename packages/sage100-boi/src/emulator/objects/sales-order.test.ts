import { describe, expect, it } from 'vitest';
import { fixtureEmulator, fixtureSession } from '../../testing';
import { BoiError, type BoiObject, type BoiRef } from '../../types';
import { DUPLICATE_PO_MESSAGE } from './sales-order';

const get = (o: BoiObject, col: string) => {
  const ref: BoiRef = { value: '' };
  o.nGetValue(col, ref);
  return ref.value;
};

function newOrder(so: BoiObject, customer = 'ABF'): string {
  const no: BoiRef<string> = { value: '' };
  expect(so.nGetNextSalesOrderNo(no)).toBe(1);
  so.nSetKeyValue('SalesOrderNo$', no.value);
  expect(so.nSetKey()).toBe(2);
  so.nSetValue('ARDivisionNo$', '01');
  so.nSetValue('CustomerNo$', customer);
  return no.value;
}

function addLine(so: BoiObject, item: string, qty: number): number {
  const lines = so.oLines;
  if (!lines) throw new Error('no lines');
  expect(lines.nAddLine()).toBe(2);
  const r = lines.nSetValue('ItemCode$', item);
  if (r === 0) return 0;
  lines.nSetValue('QuantityOrdered', qty);
  return lines.nWrite();
}

describe('SO_SalesOrder_bus', () => {
  it('defaults the header from the customer and primary ship-to, and lines from the item', () => {
    const emu = fixtureEmulator();
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    const no = newOrder(so);
    expect(no).toBe('0000001');
    expect(get(so, 'BillToName$')).toBe('Customer ABF');
    expect(get(so, 'TermsCode$')).toBe('30');
    expect(get(so, 'ShipToName$')).toBe('ABF Warehouse');
    expect(get(so, 'WarehouseCode$')).toBe('001');
    expect(get(so, 'OrderDate$')).toBe('20260302');
    so.oLines?.nAddLine();
    expect(so.oLines?.nSetValue('ItemCode$', 'widget')).toBe(1);
    expect(get(so.oLines as BoiObject, 'ItemCodeDesc$')).toBe('Item WIDGET');
    expect(get(so.oLines as BoiObject, 'UnitPrice')).toBe(10);
    expect(get(so.oLines as BoiObject, 'WarehouseCode$')).toBe('001');
  });

  it('rejects an unknown customer at SetValue and does not apply it', () => {
    const so = fixtureSession(fixtureEmulator()).NewObject('SO_SalesOrder_bus');
    newOrder(so, 'NOPE');
    expect(so.sLastErrorMsg).toBe('Customer 01-NOPE is not on file.');
    expect(so.sLastErrorNum).toBe('CI_NOF');
    expect(get(so, 'CustomerNo$')).toBe('');
    expect(so.nSetValue('CustomerNo$', 'GONE')).toBe(0);
    expect(so.sLastErrorMsg).toContain('inactive');
  });

  it('validates columns immediately: warehouse, dates, flags, lengths, $ naming', () => {
    const so = fixtureSession(fixtureEmulator()).NewObject('SO_SalesOrder_bus');
    newOrder(so);
    expect(so.nSetValue('WarehouseCode$', '999')).toBe(0);
    expect(get(so, 'WarehouseCode$')).toBe('001');
    expect(so.nSetValue('ShipExpireDate$', '20260231')).toBe(0);
    expect(so.nSetValue('PrintSalesOrders$', 'X')).toBe(0);
    expect(so.nSetValue('Comment$', 'x'.repeat(31))).toBe(0);
    expect(so.sLastErrorMsg).toBe('The Comment is greater than 30 character(s).');
    expect(so.sLastErrorNum).toBe('CI_CharLength');
    expect(so.nSetValue('CustomerPONo', 'PO1')).toBe(0);
    expect(so.nSetValue('FreightAmt$', 5)).toBe(0);
    expect(so.nSetValue('FreightAmt', 5.555)).toBe(1);
    expect(get(so, 'FreightAmt')).toBe(5.56);
  });

  it('keeps a failed Write pending and locked until nClear', () => {
    const emu = fixtureEmulator();
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    const no = newOrder(so);
    addLine(so, 'WIDGET', 1);
    so.nSetValue('ShipExpireDate$', '');
    expect(so.nWrite()).toBe(0);
    expect(so.sLastErrorMsg).toBe('The Ship Expire Date is required.');
    const other = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    expect(other.nSetKey(no)).toBe(0);
    expect(other.sLastErrorNum).toBe('CI_InUse');
    expect(so.nClear()).toBe(1);
    expect(other.nSetKey(no)).toBe(2);
    expect(emu.company('TST').table('SO_SalesOrderHeader').size).toBe(0);
  });

  it('reproduces the partial-order trap: a header written after a failed line is saved without it', () => {
    const emu = fixtureEmulator();
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    const no = newOrder(so);
    expect(addLine(so, 'WIDGET', 2)).toBe(1);
    expect(addLine(so, 'NOSUCH', 1)).toBe(0);
    expect(so.oLines?.sLastErrorMsg).toBe('The Item Code NOSUCH is not on file.');
    expect(addLine(so, 'OLDPART', 1)).toBe(0);
    expect(so.nWrite()).toBe(1);
    const lines = emu.company('TST').table('SO_SalesOrderDetail').find('byOrder', [no]);
    expect(lines.map((l) => l.ItemCode)).toEqual(['WIDGET']);
  });

  it('abandoning with nClear writes nothing and leaves a gap in order numbers', () => {
    const emu = fixtureEmulator();
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    newOrder(so);
    addLine(so, 'WIDGET', 2);
    so.nClear();
    expect(emu.company('TST').table('SO_SalesOrderHeader').size).toBe(0);
    expect(newOrder(so)).toBe('0000002');
  });

  it('warns (-1) on a duplicate customer PO with the documented text, per customer', () => {
    const emu = fixtureEmulator();
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    newOrder(so);
    expect(so.nSetValue('CustomerPONo$', 'PO-7')).toBe(1);
    addLine(so, 'WIDGET', 1);
    expect(so.nWrite()).toBe(1);
    newOrder(so);
    expect(so.nSetValue('CustomerPONo$', 'PO-7')).toBe(-1);
    expect(so.sLastErrorMsg).toBe(DUPLICATE_PO_MESSAGE);
    expect(get(so, 'CustomerPONo$')).toBe('PO-7');
    so.nClear();
    newOrder(so, 'LIMIT');
    expect(so.nSetValue('CustomerPONo$', 'PO-7')).toBe(1);
  });

  it('applies the credit policy: hold puts the order on hold, reject refuses the customer, quotes are exempt', () => {
    const held = fixtureSession(fixtureEmulator()).NewObject('SO_SalesOrder_bus');
    newOrder(held, 'HOLD');
    expect(held.sLastErrorMsg).toBe('Customer 01-HOLD is on credit hold.');
    expect(get(held, 'OrderStatus$')).toBe('H');
    const rejecting = fixtureSession(fixtureEmulator({ creditPolicy: 'reject' })).NewObject('SO_SalesOrder_bus');
    newOrder(rejecting, 'HOLD');
    expect(get(rejecting, 'CustomerNo$')).toBe('');
    rejecting.nClear();
    const no: BoiRef<string> = { value: '' };
    rejecting.nGetNextSalesOrderNo(no);
    rejecting.nSetKey(no.value);
    rejecting.nSetValue('OrderType$', 'Q');
    rejecting.nSetValue('ARDivisionNo$', '01');
    expect(rejecting.nSetValue('CustomerNo$', 'HOLD')).toBe(1);
  });

  it('checks the credit limit at Write against balance + open orders', () => {
    const emu = fixtureEmulator({ creditPolicy: 'reject' });
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    newOrder(so, 'LIMIT');
    addLine(so, 'GADGET', 1);
    expect(so.nWrite()).toBe(0);
    expect(so.sLastErrorMsg).toBe('Customer 01-LIMIT has exceeded the credit limit of 100.00.');
    so.nClear();
    emu.company('TST').options.creditPolicy = 'warn';
    newOrder(so, 'LIMIT');
    addLine(so, 'GADGET', 1);
    expect(so.nWrite()).toBe(-1);
  });

  it('commits inventory on write, by difference on update, and releases it on delete; quotes never commit', () => {
    const emu = fixtureEmulator();
    const iw = emu.company('TST').table('IM_ItemWarehouse');
    const onSo = () => iw.get(iw.keyOf(['WIDGET', '001']))?.QuantityOnSalesOrder;
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    const no = newOrder(so);
    addLine(so, 'WIDGET', 3);
    so.nWrite();
    expect(onSo()).toBe(3);
    expect(so.nSetKey(no)).toBe(1);
    so.oLines?.nMoveFirst();
    so.oLines?.nSetValue('QuantityOrdered', 5);
    so.oLines?.nWrite();
    so.nWrite();
    expect(onSo()).toBe(5);
    expect(emu.company('TST').table('AR_Customer').get(emu.company('TST').table('AR_Customer').keyOf(['01', 'ABF']))?.OpenOrderAmt).toBe(55);
    expect(so.nDelete(no)).toBe(1);
    expect(onSo()).toBe(0);
    const hist = emu.company('TST').table('SO_SalesOrderHistoryHeader');
    expect(hist.get(hist.keyOf([no]))?.OrderStatus).toBe('X');
    const quote = newOrder(so);
    so.nSetValue('OrderType$', 'Q');
    addLine(so, 'WIDGET', 9);
    so.nWrite();
    expect(onSo()).toBe(0);
    so.nDelete(quote);
    expect(hist.get(hist.keyOf([quote]))?.OrderStatus).toBe('Z');
  });

  it('computes totals: taxable vs non-taxable lines, tax by schedule, freight', () => {
    const emu = fixtureEmulator();
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    const no = newOrder(so);
    addLine(so, 'WIDGET', 3);
    addLine(so, 'GADGET', 2);
    so.nSetValue('FreightAmt', 7);
    so.nWrite();
    const h = emu.company('TST').table('SO_SalesOrderHeader').get(no.padEnd(7));
    expect([h?.TaxableAmt, h?.NonTaxableAmt, h?.SalesTaxAmt]).toEqual([30, 51, 3]);
  });

  it('loses the session mid-order: nothing is written and its locks are gone', () => {
    const emu = fixtureEmulator();
    emu.faults.sessionLossMidOrder = 1;
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    const no = newOrder(so);
    addLine(so, 'WIDGET', 1);
    expect(() => so.oLines?.nAddLine()).toThrow(BoiError);
    expect(emu.company('TST').table('SO_SalesOrderHeader').size).toBe(0);
    expect(fixtureSession(emu).NewObject('SO_SalesOrder_bus').nSetKey(no)).toBe(2);
  });
});
