import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonSnapshotFile } from '../persist';
import { fixtureEmulator, fixtureSession } from '../testing';
import type { BoiObject, BoiRef } from '../types';
import { Sage100Emulator, type EmulatorSnapshot } from './emulator';
import { invoiceOrder, postCashReceipt, bulkUpdate } from './posting';
import { emulatorProvider } from './provider';

const get = (o: BoiObject, col: string) => {
  const ref: BoiRef = { value: '' };
  o.nGetValue(col, ref);
  return ref.value;
};

describe('SY_Session and security', () => {
  it('fails logon, company and program set-up with Sage messages', () => {
    const emu = fixtureEmulator();
    const s = emulatorProvider(emu).openSession();
    expect(s.nSetUser('integ', 'wrong')).toBe(0);
    expect(s.sLastErrorMsg).toBe('The user logon or password is invalid.');
    s.nSetUser('integ', 'secret');
    expect(s.nSetCompany('XYZ')).toBe(0);
    emu.company('TST').options.allowExternalAccess = false;
    expect(s.nSetCompany('tst')).toBe(0);
    expect(s.sLastErrorMsg).toBe('External access is not allowed for company TST.');
    emu.company('TST').options.allowExternalAccess = true;
    expect(s.nSetCompany('tst')).toBe(1);
    expect(() => s.NewObject('SO_SalesOrder_bus')).toThrow(/No Access/);
  });

  it('enforces task rights: a view-only user can find but not create', () => {
    const emu = fixtureEmulator();
    const s = fixtureSession(emu, 'AR_Customer_ui', 'viewer');
    const c = s.NewObject('AR_Customer_bus');
    expect(c.nFind('01ABF')).toBe(1);
    c.nSetKeyValue('ARDivisionNo$', '01');
    c.nSetKeyValue('CustomerNo$', 'NEW1');
    expect(c.nSetKey()).toBe(0);
    expect(c.sLastErrorMsg).toBe('No Access - you are not authorized to perform this action');
  });
});

describe('AR_Customer_bus', () => {
  it('normalises keys: division zero-fill, numeric numbers padded to 7, uppercase, 20-char limit', () => {
    const emu = fixtureEmulator();
    const c = fixtureSession(emu, 'AR_Customer_ui').NewObject('AR_Customer_bus');
    c.nSetKeyValue('ARDivisionNo$', '1');
    c.nSetKeyValue('CustomerNo$', '123');
    expect(c.nSetKey()).toBe(2);
    expect(get(c, 'CustomerNo$')).toBe('0000123');
    c.nSetValue('CustomerName$', 'Numbered');
    expect(c.nWrite()).toBe(1);
    expect(c.nSetKeyValue('CustomerNo$', 'abc-1')).toBe(1);
    expect(c.nSetKey()).toBe(2);
    expect(get(c, 'CustomerNo$')).toBe('ABC-1');
    expect(c.nSetKeyValue('CustomerNo$', 'X'.repeat(21))).toBe(0);
    expect(c.sLastErrorNum).toBe('CI_CharLength');
    expect(c.nFind('010000123')).toBe(1);
    const off = fixtureSession(fixtureEmulator({ divisionsEnabled: false }), 'AR_Customer_ui').NewObject('AR_Customer_bus');
    off.nSetKeyValue('ARDivisionNo$', '01');
    off.nSetKeyValue('CustomerNo$', 'Z1');
    off.nSetKey();
    expect(get(off, 'ARDivisionNo$')).toBe('00');
  });

  it('defaults a new customer and validates lookups (terms, country, zip when switched on)', () => {
    const c = fixtureSession(fixtureEmulator({ validateZipCodes: true }), 'AR_Customer_ui').NewObject('AR_Customer_bus');
    c.nSetKey('01NEW');
    expect([get(c, 'CustomerStatus$'), get(c, 'TermsCode$'), get(c, 'CountryCode$'), get(c, 'DateEstablished$')]).toEqual(['A', '00', 'USA', '20260302']);
    expect(c.nSetValue('TermsCode$', '7')).toBe(0);
    expect(c.sLastErrorMsg).toBe('The Terms Code 07 is not on file.');
    expect(c.nSetValue('ZipCode$', '99999')).toBe(0);
    expect(c.nSetValue('ZipCode$', '98101')).toBe(1);
    expect(c.nWrite()).toBe(0);
    expect(c.sLastErrorMsg).toBe('The Customer Name is required.');
  });

  it('locks a record across sessions until written, cleared or the session ends', () => {
    const emu = fixtureEmulator();
    const a = fixtureSession(emu, 'AR_Customer_ui');
    const b = fixtureSession(emu, 'AR_Customer_ui').NewObject('AR_Customer_bus');
    const ca = a.NewObject('AR_Customer_bus');
    expect(ca.nSetKey('01ABF')).toBe(1);
    expect(b.nSetKey('01ABF')).toBe(0);
    expect(b.sLastErrorMsg).toBe('The record is in use by integ. Try again later.');
    expect(b.nFind('01ABF')).toBe(1);
    ca.nSetValue('Comment$', 'edited');
    ca.nWrite();
    expect(b.nSetKey('01ABF')).toBe(1);
    expect(get(b, 'Comment$')).toBe('edited');
    b.nClear();
    ca.nSetKey('01ABF');
    a.DropObject();
    expect(b.nSetKey('01ABF')).toBe(1);
  });

  it('refuses to delete a customer with open orders', () => {
    const emu = fixtureEmulator();
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    so.nSetKey('0000001');
    so.nSetValue('ARDivisionNo$', '01');
    so.nSetValue('CustomerNo$', 'ABF');
    so.nWrite();
    const c = fixtureSession(emu, 'AR_Customer_ui').NewObject('AR_Customer_bus');
    expect(c.nDelete('01ABF')).toBe(0);
    expect(c.sLastErrorMsg).toContain('open sales orders');
  });
});

describe('audit stamps, posting and persistence', () => {
  it('stamps create/update with the controllable clock in decimal hours; stamp-less writes skip them', () => {
    const emu = fixtureEmulator();
    const c = fixtureSession(emu, 'AR_Customer_ui').NewObject('AR_Customer_bus');
    c.nSetKey('01NEW');
    c.nSetValue('CustomerName$', 'New');
    c.nWrite();
    c.nFind('01NEW');
    expect([get(c, 'DateCreated$'), get(c, 'TimeCreated$'), get(c, 'DateUpdated$')]).toEqual(['20260302', '15.50000', '20260302']);
    emu.clock.advance(36 * 3_600_000 + 90_000);
    c.nSetKey('01NEW');
    c.nSetValue('Comment$', 'x');
    c.nWrite();
    c.nFind('01NEW');
    expect([get(c, 'DateCreated$'), get(c, 'DateUpdated$'), get(c, 'TimeUpdated$')]).toEqual(['20260302', '20260304', '3.52500']);
    emu.faults.stamplessWrites = true;
    c.nSetKey('01NEW');
    c.nSetValue('Comment$', 'y');
    c.nWrite();
    c.nFind('01NEW');
    expect(get(c, 'TimeUpdated$')).toBe('3.52500');
  });

  it('invoices an order and posts a receipt: history, open invoice, stock and balance move', () => {
    const emu = fixtureEmulator();
    const co = emu.company('TST');
    const so = fixtureSession(emu).NewObject('SO_SalesOrder_bus');
    so.nSetKey('0000001');
    so.nSetValue('ARDivisionNo$', '01');
    so.nSetValue('CustomerNo$', 'ABF');
    so.oLines?.nAddLine();
    so.oLines?.nSetValue('ItemCode$', 'WIDGET');
    so.oLines?.nSetValue('QuantityOrdered', 4);
    so.oLines?.nWrite();
    so.nWrite();
    const invoiceNo = invoiceOrder(emu, co, '0000001');
    const iw = co.table('IM_ItemWarehouse').get(co.table('IM_ItemWarehouse').keyOf(['WIDGET', '001']));
    expect([iw?.QuantityOnHand, iw?.QuantityOnSalesOrder]).toEqual([36, 0]);
    const customer = () => co.table('AR_Customer').get(co.table('AR_Customer').keyOf(['01', 'ABF']));
    expect(customer()?.CurrentBalance).toBe(44);
    expect(co.table('SO_SalesOrderHeader').size).toBe(0);
    const receipt = postCashReceipt(emu, co, { arDivisionNo: '01', customerNo: 'ABF', amount: 44 });
    expect(receipt.applied).toEqual([{ invoiceNo, amount: 44 }]);
    expect(customer()?.CurrentBalance).toBe(0);
    expect(bulkUpdate(emu, co, { table: 'AR_Customer', where: { CustomerNo: 'ABF' }, set: { CreditLimit: 999 } })).toBe(1);
  });

  it('survives a snapshot round trip through the atomic JSON file', async () => {
    const emu = fixtureEmulator();
    const file = new JsonSnapshotFile<EmulatorSnapshot>(join(mkdtempSync(join(tmpdir(), 'boi-')), 'state.json'), () => emu.snapshot());
    emu.company('TST').next('SalesOrderNo');
    await file.flush();
    const copy = new Sage100Emulator();
    copy.restore(file.read() as EmulatorSnapshot);
    expect(copy.company('TST').table('AR_Customer').size).toBe(4);
    expect(copy.company('TST').counters.SalesOrderNo).toBe(2);
    expect(copy.company('TST').table('CI_Item').get('WIDGET'.padEnd(30))?.StandardUnitPrice).toBe(10);
  });
});
