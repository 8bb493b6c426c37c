// A small, fully known company (TST) for the emulator's own contract tests.
import { Sage100Emulator } from './emulator/emulator';
import type { CompanyOptions } from './emulator/company';
import { TASKS } from './emulator/objects/registry';
import { emulatorProvider } from './emulator/provider';
import type { BoiSession } from './types';

export const ALL_RIGHTS = Object.fromEntries(TASKS.map((t) => [t, 'CMRV']));

export function fixtureEmulator(options: Partial<CompanyOptions> = {}, now = () => new Date('2026-03-02T15:30:00Z')): Sage100Emulator {
  const emu = new Sage100Emulator({ now });
  const co = emu.createCompany('TST', 'Test Company', { udfs: { SO_SalesOrderHeader: ['UDF_EXT_REF:S40'] }, ...options });
  emu.addUser({ logon: 'integ', password: 'secret', companies: ['TST'], rights: ALL_RIGHTS });
  emu.addUser({ logon: 'viewer', password: 'secret', companies: ['TST'], rights: { AR_Customer_ui: 'V', SO_SalesOrder_ui: 'V' } });
  for (const d of ['00', '01', '02']) co.load('AR_Division', { ARDivisionNo: d, DivisionDesc: `Division ${d}` });
  co.load('AR_TermsCode', { TermsCode: '00', TermsCodeDesc: 'Due on receipt', DaysBeforeDue: 0 });
  co.load('AR_TermsCode', { TermsCode: '30', TermsCodeDesc: 'Net 30', DaysBeforeDue: 30 });
  co.load('AR_Salesperson', { SalespersonDivisionNo: '01', SalespersonNo: '0100', SalespersonName: 'Pat Lee' });
  co.load('SY_SalesTaxSchedule', { TaxSchedule: 'WA', TaxScheduleDesc: 'Washington', TaxRate: 10 });
  co.load('SY_Country', { CountryCode: 'USA', CountryName: 'United States' });
  co.load('SY_ZipCode', { ZipCode: '98101', City: 'Seattle', State: 'WA', CountryCode: 'USA' });
  for (const w of ['000', '001']) co.load('IM_Warehouse', { WarehouseCode: w, WarehouseDesc: `Warehouse ${w}` });
  co.load('IM_ProductLine', { ProductLine: 'HW', ProductLineDesc: 'Hardware' });
  const item = (code: string, extra: Record<string, string | number>) => co.load('CI_Item', { ItemCode: code, ItemCodeDesc: `Item ${code}`, ProductLine: 'HW', DefaultWarehouseCode: '000', StandardUnitPrice: 10, StandardUnitCost: 6, ...extra });
  item('WIDGET', { TotalQuantityOnHand: 100 });
  item('GADGET', { StandardUnitPrice: 25.5, TaxClass: 'NT' });
  item('OLDPART', { InactiveItem: 'Y' });
  item('/C', { ItemType: '4', ItemCodeDesc: 'Comment', StandardUnitPrice: 0 });
  item('/FREIGHT', { ItemType: '5', ItemCodeDesc: 'Freight charge', StandardUnitPrice: 0 });
  co.load('IM_ItemWarehouse', { ItemCode: 'WIDGET', WarehouseCode: '000', QuantityOnHand: 100 });
  const customer = (no: string, extra: Record<string, string | number>) =>
    co.load('AR_Customer', { ARDivisionNo: '01', CustomerNo: no, CustomerName: `Customer ${no}`, AddressLine1: '1 Main St', City: 'Seattle', State: 'WA', ZipCode: '98101', TermsCode: '30', TaxSchedule: 'WA', SalespersonDivisionNo: '01', SalespersonNo: '0100', ...extra });
  customer('ABF', { PrimaryShipToCode: 'WH1', CreditLimit: 0 });
  customer('HOLD', { CreditHold: 'Y' });
  customer('GONE', { CustomerStatus: 'I' });
  customer('LIMIT', { CreditLimit: 100, CurrentBalance: 80 });
  co.load('SO_ShipToAddress', { ARDivisionNo: '01', CustomerNo: 'ABF', ShipToCode: 'WH1', ShipToName: 'ABF Warehouse', ShipToAddress1: '9 Dock Rd', ShipToCity: 'Tacoma', ShipToState: 'WA', ShipToZipCode: '98402', WarehouseCode: '001' });
  co.load('IM_ItemWarehouse', { ItemCode: 'WIDGET', WarehouseCode: '001', QuantityOnHand: 40 });
  return emu;
}

/** A logged-on session with the program for `task` set, as the gateway opens them. */
export function fixtureSession(emu: Sage100Emulator, task = 'SO_SalesOrder_ui', user = 'integ'): BoiSession {
  const s = emulatorProvider(emu).openSession();
  s.nSetUser(user, 'secret');
  s.nSetCompany('TST');
  s.nSetProgram(s.nLookupTask(task));
  return s;
}
