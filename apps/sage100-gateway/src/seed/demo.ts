// Demo company ABC: divisions 01/02, warehouses 000/001, ~150 items, ~50 customers (credit hold, inactive,
// near limit), contacts, ship-tos, open orders and quotes, posted invoices and receipts, and the A/P, P/O and
// G/L tables the gateway can read. Orders go through the emulator's BOI objects so totals and commitments
// are what Sage would compute; the clock is walked back so stamps spread over the last 60 days.
import { emulatorProvider, invoiceOrder, postCashReceipt, TASKS, type BoiObject, type BoiRef, type Company, type Row, type Sage100Emulator } from '@conduit/sage100-boi';
import { buildOrder, type OrderInput } from '../ops/order-builder';
import { demoItems, PRODUCT_LINES } from './catalog';
import { rng } from './random';
import { SHARED_DEMO_COMPANIES } from './shared-companies';

export const DEMO_COMPANY = 'ABC';
export const DEMO_SAGE_USER = 'CONDUIT';
export const DEMO_SAGE_PASSWORD = 'conduit-demo';
const DAY = 86_400_000;

const OTHER_NAMES = `Allied Fabrication;Brightline Electric;Copperfield Plumbing;Delta Freight Systems;Eastside Hardware;Fairview Property Mgmt;Golden Gate Janitorial;Hilltop Auto Body;Ironwood Cabinetry;Jetstream HVAC;Keystone Builders;Lakeshore Marina;Meridian Facilities;Oakridge Schools District;Prairie Grain Co-op;Quantum Robotics;Riverbend Hospital;Sunset Property Services;Tri-County Utilities;Union Station Cafe;Valley Fresh Produce;Westgate Storage;Yellowstone Outdoor Co;Zenith Printing;Apex Roofing;Bayside Packaging;Cornerstone Church;Driftwood Hotels;Elm Street Bakery;Frontier Trucking;Gateway Community College;Horizon Solar;Inland Empire Nursery;Juniper Dental;Kingfisher Aquatics`.split(';');
const CITIES: [string, string, string][] = [['Chicago', 'IL', '60601'], ['Dallas', 'TX', '75201'], ['Atlanta', 'GA', '30303'], ['Phoenix', 'AZ', '85004'], ['Columbus', 'OH', '43215'], ['Sacramento', 'CA', '95814'], ['Tampa', 'FL', '33602'], ['Spokane', 'WA', '99201'], ['Omaha', 'NE', '68102'], ['Richmond', 'VA', '23219']];
const TAX_BY_STATE: Record<string, string> = { WA: 'WA', CA: 'CA', TX: 'TX', NY: 'NY' };

function code(name: string, used: Set<string>): string {
  const base = name.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 7);
  let c = base;
  for (let i = 2; used.has(c); i++) c = `${base.slice(0, 6)}${i}`;
  used.add(c);
  return c;
}

/** Loads a row with creation stamps at the current (walked-back) clock time. */
function stamper(emu: Sage100Emulator, co: Company): (table: string, row: Row) => Row {
  return (table, row) => {
    const loaded = co.load(table, row);
    emu.applyStamps(loaded, { isNew: true, userKey: '0000000001', audit: co.table(table).def.audit });
    return loaded;
  };
}

function masters(emu: Sage100Emulator, co: Company): void {
  const put = stamper(emu, co);
  [['01', 'East'], ['02', 'West']].forEach(([d, n]) => put('AR_Division', { ARDivisionNo: d ?? '', DivisionDesc: `${n} Division` }));
  [['00', 'Due upon receipt', 0], ['01', 'Net 10', 10], ['30', 'Net 30', 30], ['60', 'Net 60', 60]].forEach(([t, d, days]) => put('AR_TermsCode', { TermsCode: t ?? '', TermsCodeDesc: d ?? '', DaysBeforeDue: days ?? 0 }));
  [['01', '0100', 'Dana Whitfield'], ['01', '0200', 'Marcus Cole'], ['02', '0300', 'Priya Natarajan']].forEach(([d, n, name]) => put('AR_Salesperson', { SalespersonDivisionNo: d ?? '', SalespersonNo: n ?? '', SalespersonName: name ?? '', CommissionRate: 5 }));
  [['NONTAX', 'Non-taxable', 0], ['WA', 'Washington', 10.1], ['CA', 'California', 8.25], ['TX', 'Texas', 8.25], ['NY', 'New York', 8.875], ['DEFAULT', 'Default county', 6.5]].forEach(([s, d, r]) => co.load('SY_SalesTaxSchedule', { TaxSchedule: s ?? '', TaxScheduleDesc: d ?? '', TaxRate: r ?? 0 }));
  [['USA', 'United States'], ['CAN', 'Canada'], ['MEX', 'Mexico']].forEach(([c, n]) => co.load('SY_Country', { CountryCode: c ?? '', CountryName: n ?? '' }));
  for (const s of SHARED_DEMO_COMPANIES) co.load('SY_ZipCode', { ZipCode: s.sage.zipCode, City: s.sage.city, State: s.sage.state, CountryCode: 'USA' });
  for (const [city, state, zip] of CITIES) co.load('SY_ZipCode', { ZipCode: zip, City: city, State: state, CountryCode: 'USA' });
  put('IM_Warehouse', { WarehouseCode: '000', WarehouseDesc: 'Main Warehouse' });
  put('IM_Warehouse', { WarehouseCode: '001', WarehouseDesc: 'East Annex' });
  PRODUCT_LINES.forEach((p) => put('IM_ProductLine', p));
  const accounts: [string, string, string][] = [['1000-00', 'Cash - Operating', '01'], ['1100-00', 'Cash - Payroll', '01'], ['1200-00', 'Accounts Receivable', '03'], ['1300-00', 'Inventory', '04'], ['1500-00', 'Equipment', '06'], ['2000-00', 'Accounts Payable', '08'], ['2100-00', 'Sales Tax Payable', '09'], ['2200-00', 'Accrued Payroll', '09'], ['3000-00', 'Retained Earnings', '12'], ['4000-01', 'Sales - East', '14'], ['4000-02', 'Sales - West', '14'], ['4100-00', 'Freight Income', '14'], ['5000-00', 'Cost of Goods Sold', '15'], ['6000-00', 'Salaries', '16'], ['6100-00', 'Rent', '16'], ['6200-00', 'Utilities', '16'], ['6300-00', 'Office Supplies', '16'], ['6400-00', 'Travel', '16'], ['6500-00', 'Bank Fees', '16'], ['6900-00', 'Obsolete Expense', '16']];
  accounts.forEach(([acct, desc, type], i) => put('GL_Account', { AccountKey: String(i + 1).padStart(9, '0'), Account: acct, RawAccount: acct.replace('-', ''), AccountDesc: desc, MainAccountCode: acct.slice(0, 4), AccountType: type, Status: acct === '6900-00' ? 'I' : 'A' }));
  const { items, stock } = demoItems();
  items.forEach((i) => put('CI_Item', i));
  stock.forEach((s) => put('IM_ItemWarehouse', s));
}

/** Shared companies buy at list price, so the Streak deal value and Sage's order total agree (the draw still
 * happens, keeping every later random choice of the seed as it was). */
const shareable = (level: string, shared: boolean): string => (shared ? '' : level);

function customers(emu: Sage100Emulator, co: Company): Row[] {
  const r = rng(7);
  const used = new Set<string>();
  const put = stamper(emu, co);
  const rows: Row[] = [];
  const all = [
    ...SHARED_DEMO_COMPANIES.map((s) => ({ ...s.sage, email: `ap@${s.streak.domain}`, countryCode: 'USA', shared: true, creditHold: s.creditHold === true })),
    ...OTHER_NAMES.map((name, i) => {
      const [city, state, zip] = CITIES[i % CITIES.length] ?? ['Chicago', 'IL', '60601'];
      return { arDivisionNo: i % 3 === 0 ? '02' : '01', customerNo: code(name, used), customerName: name, addressLine1: `${100 + i * 37} ${r.pick(['Main', 'Oak', 'Commerce', 'Industrial', 'Elm'])} ${r.pick(['St', 'Ave', 'Blvd', 'Dr'])}`, city, state, zipCode: zip, telephoneNo: `(555) 555-${String(1000 + i * 13).slice(-4)}`, email: `billing@${name.toLowerCase().replace(/[^a-z]/g, '')}.com`, countryCode: 'USA', shared: false, creditHold: false };
    }),
  ];
  for (const s of SHARED_DEMO_COMPANIES) used.add(s.sage.customerNo);
  all.forEach((c, i) => {
    const row = put('AR_Customer', {
      ARDivisionNo: c.arDivisionNo, CustomerNo: c.customerNo, CustomerName: c.customerName, AddressLine1: c.addressLine1, City: c.city, State: c.state, ZipCode: c.zipCode, CountryCode: c.countryCode,
      TelephoneNo: c.telephoneNo, EmailAddress: c.email, TermsCode: r.pick(['30', '30', '01', '60', '00']), TaxSchedule: TAX_BY_STATE[c.state] ?? 'DEFAULT', SalespersonDivisionNo: c.arDivisionNo === '02' ? '02' : '01', SalespersonNo: c.arDivisionNo === '02' ? '0300' : r.pick(['0100', '0200']),
      CreditLimit: r.pick([0, 5000, 10000, 25000, 50000]), PriceLevel: shareable(r.pick(['', '', '2', '3']), c.shared), ShipMethod: r.pick(['UPS GROUND', 'FEDEX 2DAY', 'LTL FREIGHT', 'WILL CALL']), CustomerType: r.pick(['DIST', 'END', 'GOV']),
      CreditHold: c.creditHold || i === 21 || i === 33 ? 'Y' : 'N', CustomerStatus: i === 40 || i === 44 || i === 47 ? 'I' : i === 49 ? 'T' : 'A', DateEstablished: `20${String(15 + (i % 10)).padStart(2, '0')}0${1 + (i % 9)}15`,
      ContactCode: 'AP', ...(i % 4 === 0 ? { PrimaryShipToCode: 'DOCK' } : {}),
    });
    put('AR_CustomerContact', { ARDivisionNo: c.arDivisionNo, CustomerNo: c.customerNo, ContactCode: 'AP', ContactName: r.pick(['Jordan Ellis', 'Sam Ortega', 'Taylor Brooks', 'Casey Nguyen', 'Morgan Reid']), ContactTitle: 'Accounts Payable', EmailAddress: c.email.slice(0, 50), TelephoneNo1: c.telephoneNo });
    put('AR_CustomerContact', { ARDivisionNo: c.arDivisionNo, CustomerNo: c.customerNo, ContactCode: 'BUYER', ContactName: r.pick(['Alex Kim', 'Riley Park', 'Drew Santos', 'Jamie Fox']), ContactTitle: 'Purchasing', EmailAddress: c.email.replace(/^[a-z]+@/, 'purchasing@').slice(0, 50) });
    if (i % 4 === 0) put('SO_ShipToAddress', { ARDivisionNo: c.arDivisionNo, CustomerNo: c.customerNo, ShipToCode: 'DOCK', ShipToName: `${c.customerName}`.slice(0, 30), ShipToAddress1: `${c.addressLine1}`.slice(0, 22) + ' Dock 3', ShipToCity: c.city, ShipToState: c.state, ShipToZipCode: c.zipCode, WarehouseCode: i % 8 === 0 ? '001' : '000', TaxSchedule: TAX_BY_STATE[c.state] ?? 'DEFAULT' });
    rows.push(row);
  });
  return rows;
}

function purchasing(emu: Sage100Emulator, co: Company, items: Row[]): void {
  const r = rng(11);
  const put = stamper(emu, co);
  const vendors = ['Fastenal Supply', 'Grainger Industrial', 'Midwest Tool Works', 'SafetyFirst Inc', 'Volt Electric Dist', 'FlowRight Plumbing', 'CleanCo Janitorial', 'BoxCo Packaging', 'Harbor Freight Lines'];
  vendors.forEach((name, i) => put('AP_Vendor', { APDivisionNo: '00', VendorNo: String(i + 1).padStart(7, '0'), VendorName: name, AddressLine1: `${200 + i * 11} Supply Rd`, City: 'Chicago', State: 'IL', ZipCode: '60601', TermsCode: '30', EmailAddress: `orders@vendor${i + 1}.com` }));
  const regular = items.filter((i) => !String(i.ItemCode).startsWith('/'));
  for (let p = 1; p <= 8; p++) {
    const no = String(p).padStart(7, '0');
    const vendor = String(r.int(1, vendors.length)).padStart(7, '0');
    let total = 0;
    for (let l = 1; l <= 3; l++) {
      const item = r.pick(regular);
      const qty = r.int(10, 200);
      const amt = Math.round(qty * Number(item.StandardUnitCost) * 100) / 100;
      total += amt;
      co.load('PO_PurchaseOrderDetail', { PurchaseOrderNo: no, LineKey: String(l).padStart(6, '0'), ItemCode: item.ItemCode ?? '', ItemType: '1', ItemCodeDesc: item.ItemCodeDesc ?? '', WarehouseCode: '000', QuantityOrdered: qty, QuantityReceived: p <= 3 ? qty : 0, UnitCost: item.StandardUnitCost ?? 0, ExtensionAmt: amt });
    }
    put('PO_PurchaseOrderHeader', { PurchaseOrderNo: no, PurchaseOrderDate: '20261001', OrderType: 'S', OrderStatus: p <= 3 ? 'C' : 'O', APDivisionNo: '00', VendorNo: vendor, WarehouseCode: '000', TermsCode: '30', TaxableAmt: Math.round(total * 100) / 100 });
    if (p <= 6) put('AP_InvoiceHeader', { APDivisionNo: '00', VendorNo: vendor, InvoiceNo: `INV-${5000 + p}`, InvoiceDate: '20261015', InvoiceDueDate: '20261114', PurchaseOrderNo: no, InvoiceAmt: Math.round(total * 100) / 100, TaxableAmt: Math.round(total * 100) / 100 });
  }
  for (let e = 1; e <= 5; e++) {
    const entry = String(e).padStart(8, '0');
    const amt = r.int(100, 5000);
    put('GL_JournalHeader', { SourceJournal: 'GJ', EntryNo: entry, PostingDate: '20261031', Comment: r.pick(['Accrue rent', 'Reclass freight', 'Bank fee', 'Payroll accrual', 'Depreciation']), TotalDebitAmt: amt, TotalCreditAmt: amt });
    put('GL_JournalDetail', { SourceJournal: 'GJ', EntryNo: entry, LineKey: '000001', AccountKey: String(r.int(14, 19)).padStart(9, '0'), DebitAmt: amt });
    put('GL_JournalDetail', { SourceJournal: 'GJ', EntryNo: entry, LineKey: '000002', AccountKey: '000000001', CreditAmt: amt });
  }
}

/** Orders through SO_SalesOrder_bus; 60 of them over 60 days, the older ones invoiced and many paid. */
function orders(emu: Sage100Emulator, co: Company, customerRows: Row[], items: Row[]): void {
  const r = rng(23);
  const provider = emulatorProvider(emu);
  const session = provider.openSession();
  session.nSetUser(DEMO_SAGE_USER, DEMO_SAGE_PASSWORD);
  session.nSetCompany(co.code);
  session.nSetProgram(session.nLookupTask('SO_SalesOrder_ui'));
  const tables = Object.fromEntries(provider.openReader({ company: co.code, user: DEMO_SAGE_USER, password: DEMO_SAGE_PASSWORD }).tables().map((t) => [t.name, t]));
  const buildTables = { header: tables.SO_SalesOrderHeader, detail: tables.SO_SalesOrderDetail } as Parameters<typeof buildOrder>[3];
  const active = customerRows.filter((c) => c.CustomerStatus === 'A' && c.CreditHold === 'N');
  const sellable = items.filter((i) => i.InactiveItem !== 'Y' && i.ItemType === '1');
  const start = emu.clock.now().getTime() - 60 * DAY;
  for (let n = 0; n < 60; n++) {
    emu.clock.set(new Date(start + n * DAY + r.int(8, 17) * 3_600_000));
    const c = r.pick(active);
    const lines: OrderInput['lines'] = Array.from({ length: r.int(1, 4) }, () => ({ itemCode: String(r.pick(sellable).ItemCode), quantityOrdered: r.int(1, 12) }));
    if (n % 7 === 0) lines.push({ itemCode: '/FREIGHT', quantityOrdered: 1, unitPrice: 45 });
    const so: BoiObject = session.NewObject('SO_SalesOrder_bus');
    const no: BoiRef<string> = { value: '' };
    so.nGetNextSalesOrderNo(no);
    buildOrder(so, no.value, { arDivisionNo: String(c.ARDivisionNo), customerNo: String(c.CustomerNo), orderType: n % 19 === 5 ? 'Q' : 'S', customerPONo: `PO-${4100 + n}`, lines }, buildTables, []);
    so.nWrite();
    so.DropObject();
    if (n < 35 && n % 19 !== 5) {
      emu.clock.advance(2 * DAY);
      const invoiceNo = invoiceOrder(emu, co, no.value);
      if (n < 22) {
        emu.clock.advance(r.int(5, 20) * DAY);
        const inv = co.table('AR_OpenInvoice').get(co.table('AR_OpenInvoice').keyOf([c.ARDivisionNo ?? '', c.CustomerNo ?? '', invoiceNo, 'IN']));
        const balance = Number(inv?.Balance ?? 0);
        postCashReceipt(emu, co, { arDivisionNo: String(c.ARDivisionNo), customerNo: String(c.CustomerNo), amount: n % 5 === 0 ? Math.round(balance * 50) / 100 : balance, invoiceNo });
      }
    }
  }
  session.DropObject();
  emu.clock.reset();
}

/** Puts three active customers just under their credit limit. */
function nearLimit(co: Company, customerRows: Row[]): void {
  const candidates = customerRows.filter((c) => c.CustomerStatus === 'A' && c.CreditHold === 'N' && Number(c.CurrentBalance) + Number(c.OpenOrderAmt) > 0).slice(0, 3);
  for (const c of candidates) c.CreditLimit = Math.ceil(Number(c.CurrentBalance) + Number(c.OpenOrderAmt) + 150);
}

export function seedDemo(emu: Sage100Emulator): void {
  emu.companies.clear();
  emu.users.clear();
  // Long enough for a Streak box key (an opaque datastore key, ~50-60 characters).
  const udf = ['UDF_EXT_REF:S80'];
  const co = emu.createCompany(DEMO_COMPANY, 'ABC Distribution and Service Corp.', { udfs: { AR_Customer: udf, SO_SalesOrderHeader: udf, SO_SalesOrderHistoryHeader: udf, AR_InvoiceHistoryHeader: udf } });
  emu.addUser({ logon: DEMO_SAGE_USER, password: DEMO_SAGE_PASSWORD, companies: [DEMO_COMPANY], rights: { '*': 'CMRV' } });
  emu.addUser({ logon: 'JSMITH', password: 'jsmith', companies: [DEMO_COMPANY], rights: Object.fromEntries(TASKS.map((t) => [t, 'CMRV'])) });
  emu.addUser({ logon: 'VIEWER', password: 'viewer', companies: [DEMO_COMPANY], rights: Object.fromEntries(TASKS.map((t) => [t, 'V'])) });
  emu.clock.set(new Date(emu.clock.now().getTime() - 90 * DAY));
  masters(emu, co);
  const customerRows = customers(emu, co);
  purchasing(emu, co, [...co.table('CI_Item').scan()]);
  emu.clock.reset();
  orders(emu, co, customerRows, [...co.table('CI_Item').scan()]);
  nearLimit(co, customerRows);
  co.counters.CustomerNo = 1001;
}
