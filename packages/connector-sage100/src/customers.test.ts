// Customer, contact and ship-to actions against a real gateway over the emulator: the typed results,
// the idempotent create, and bad input failing with a typed error that names the object and field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError } from '@conduit/connector-kit';
import { type SageTarget, fixtureCustomer, sageTarget, uniqueCode } from './test/target';

type Rec = Record<string, unknown>;

describe('Sage 100 customers', () => {
  let t: SageTarget;
  let customerKey: string;
  const run = (key: string, input: unknown, idempotencyKey?: string) => t.conn.runAction(key, input, idempotencyKey ? { idempotencyKey } : {}) as Promise<Rec>;
  const fail = (key: string, input: unknown, idempotencyKey?: string) => run(key, input, idempotencyKey).then(() => expect.unreachable('should fail'), (e: unknown) => e as PermanentError);

  beforeAll(async () => {
    t = await sageTarget();
    customerKey = await fixtureCustomer(t, { creditLimit: 5000, city: 'Seattle' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gets a customer with its key, flags as booleans and UDFs', async () => {
    const c = await run('getCustomer', { customerKey: customerKey.toLowerCase() });
    expect(c).toMatchObject({ customerKey, arDivisionNo: '01', city: 'Seattle', creditHold: false, creditLimit: 5000, customerStatus: 'A', udf: { EXT_REF: '' } });
  });

  it('finds customers by text and pages through them', async () => {
    const found = (await run('findCustomers', { query: customerKey.slice(3) })) as { items: Rec[] };
    expect(found.items.map((c) => c.customerKey)).toEqual([customerKey]);
    const first = (await run('findCustomers', { limit: 2 })) as { items: Rec[]; nextAfter: string };
    const second = (await run('findCustomers', { limit: 2, after: first.nextAfter })) as { items: Rec[] };
    expect(first.items).toHaveLength(2);
    expect(second.items[0]?.customerKey).not.toBe(first.items[1]?.customerKey);
    const inactive = (await run('findCustomers', { status: 'I' })) as { items: Rec[] };
    expect(inactive.items.length).toBeGreaterThan(0);
    expect(inactive.items.every((c) => c.customerStatus === 'I')).toBe(true);
  });

  it('creates a customer once per idempotency key, normalising the key as Sage does', async () => {
    const idem = `flow-1:${uniqueCode()}`;
    const input = { arDivisionNo: '1', customerNo: String(Date.now() % 100000), customerName: 'Northwind Traders', externalId: idem, emailAddress: 'ap@northwind.test', creditLimit: 2500 };
    const made = await run('createCustomer', input, idem);
    expect(made).toMatchObject({ customerKey: `01-${input.customerNo.padStart(7, '0')}`, customerName: 'Northwind Traders', creditLimit: 2500, replayed: false, warnings: [], udf: { EXT_REF: idem } });
    const again = await run('createCustomer', input, idem);
    expect(again).toMatchObject({ customerKey: made.customerKey, replayed: true });
    // The same key with a different request is a caller bug, not a replay.
    const clash = await fail('createCustomer', { ...input, customerName: 'Someone Else' }, idem);
    expect(clash).toMatchObject({ type: 'PermanentError', reason: 'conflict' });
    expect(clash.message).toBe(`Sage 100: customer ${String(made.customerKey)} fails: Idempotency key ${idem} was already used with a different request.`);
  });

  it('takes the next customer number when none is given, and reserves numbers', async () => {
    const made = await run('createCustomer', { arDivisionNo: '02', customerName: 'Next Number Co' }, `k-${uniqueCode()}`);
    expect(made.customerKey).toMatch(/^02-\d{7}$/);
    const a = (await run('reserveCustomerNo', {})) as { customerNo: string };
    const b = (await run('reserveCustomerNo', {})) as { customerNo: string };
    expect(a.customerNo).toMatch(/^\d{7}$/);
    expect(Number(b.customerNo)).toBeGreaterThan(Number(a.customerNo));
  });

  it('refuses a create without the engine’s idempotency key', async () => {
    const err = await fail('createCustomer', { arDivisionNo: '01', customerName: 'No Key Ltd' });
    expect(err).toMatchObject({ reason: 'validation', subject: { type: 'action', key: 'createCustomer' } });
  });

  it('rejects an over-length name with Sage’s message, naming customer and field, and writes nothing', async () => {
    const customerNo = uniqueCode('L');
    const err = await fail('createCustomer', { arDivisionNo: '01', customerNo, customerName: 'X'.repeat(31) }, `k-${customerNo}`);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ reason: 'validation', status: 422, subject: { type: 'customer', key: `01-${customerNo}`, field: 'customerName' }, issues: [{ path: 'customerName' }] });
    expect(err.remoteMessage).toBeTruthy();
    expect(err.message).toBe(`Sage 100: customer 01-${customerNo} (field customerName) fails: ${err.remoteMessage}`);
    const missing = await fail('getCustomer', { customerKey: `01-${customerNo}` });
    expect(missing).toMatchObject({ reason: 'not_found', subject: { type: 'customer', key: `01-${customerNo}` } });
  });

  it('rejects a wrong type before calling Sage, listing the bad path', async () => {
    const customerNo = uniqueCode('W');
    const err = await fail('createCustomer', { arDivisionNo: '01', customerNo, customerName: 'Typed Wrong', creditLimit: 'lots' }, `k-${customerNo}`);
    expect(err).toMatchObject({ reason: 'validation', issues: [{ path: 'creditLimit' }] });
    expect(err.message).toMatch(/input of createCustomer is invalid: creditLimit/);
    expect((await fail('getCustomer', { customerKey: `01-${customerNo}` })).reason).toBe('not_found');
  });

  it('reports an unknown customer as not found, naming it', async () => {
    const err = await fail('getCustomer', { customerKey: '01-NOSUCH' });
    expect(err).toMatchObject({ type: 'PermanentError', reason: 'not_found', status: 404, subject: { type: 'customer', key: '01-NOSUCH' } });
    expect(err.message).toMatch(/^Sage 100: customer 01-NOSUCH was not found/);
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ type: 'PermanentError', reason: 'not_found', subject: { key: '01-NOSUCH' } });
  });

  it('updates fields and leaves the rest alone; a bad code names the field', async () => {
    const updated = await run('updateCustomer', { customerKey, city: 'Tacoma', creditHold: true });
    expect(updated).toMatchObject({ customerKey, city: 'Tacoma', creditHold: true, creditLimit: 5000, warnings: [] });
    const err = await fail('updateCustomer', { customerKey, termsCode: 'ZZ' });
    expect(err).toMatchObject({ reason: 'validation', subject: { type: 'customer', key: customerKey, field: 'termsCode' } });
    expect((await run('getCustomer', { customerKey })).termsCode).toBe('30');
    await run('updateCustomer', { customerKey, creditHold: false });
  });

  it('reads balance and credit status', async () => {
    const credit = await run('getCustomerCredit', { customerKey });
    expect(credit).toMatchObject({ customerKey, creditLimit: 5000, currentBalance: 0, availableCredit: 5000, overLimit: false, openInvoices: [] });
    expect((await fail('getCustomerCredit', { customerKey: '01-NOSUCH' })).message).toMatch(/credit of customer 01-NOSUCH was not found/);
  });

  it('lists, creates and updates contacts; a second create of the same code is a conflict', async () => {
    expect(await run('listCustomerContacts', { customerKey })).toEqual({ items: [] });
    const made = await run('createCustomerContact', { customerKey, contactCode: 'sales', contactName: 'Pat Doe', emailAddress: 'pat@fixture.test' });
    expect(made).toMatchObject({ contactCode: 'SALES', contactName: 'Pat Doe', warnings: [] });
    expect(await run('updateCustomerContact', { customerKey, contactCode: 'SALES', contactTitle: 'Buyer' })).toMatchObject({ contactName: 'Pat Doe', contactTitle: 'Buyer' });
    expect(((await run('listCustomerContacts', { customerKey })) as { items: Rec[] }).items.map((c) => c.contactCode)).toEqual(['SALES']);
    const dup = await fail('createCustomerContact', { customerKey, contactCode: 'SALES', contactName: 'Again' });
    expect(dup).toMatchObject({ reason: 'conflict', subject: { type: 'contact', key: `${customerKey}/SALES` } });
    expect(dup.message).toMatch(`Sage 100: contact SALES of customer ${customerKey} fails`);
    const missing = await fail('updateCustomerContact', { customerKey, contactCode: 'NOPE', contactName: 'X' });
    expect(missing).toMatchObject({ reason: 'not_found' });
  });

  it('lists, creates and updates ship-to addresses; an unknown warehouse names the field', async () => {
    const made = await run('createShipToAddress', { customerKey, shipToCode: 'wh2', shipToName: 'Fixture Dock', shipToCity: 'Tacoma', warehouseCode: '001' });
    expect(made).toMatchObject({ shipToCode: 'WH2', shipToName: 'Fixture Dock', warehouseCode: '001' });
    expect(await run('updateShipToAddress', { customerKey, shipToCode: 'WH2', shipToAddress1: '9 Dock Rd' })).toMatchObject({ shipToAddress1: '9 Dock Rd', shipToCity: 'Tacoma' });
    expect(((await run('listShipToAddresses', { customerKey })) as { items: Rec[] }).items).toHaveLength(1);
    const err = await fail('createShipToAddress', { customerKey, shipToCode: 'WH3', shipToName: 'Nowhere', warehouseCode: 'ZZZ' });
    expect(err).toMatchObject({ reason: 'validation', subject: { type: 'ship-to address', key: `${customerKey}/WH3`, field: 'warehouseCode' } });
    expect(((await run('listShipToAddresses', { customerKey })) as { items: Rec[] }).items).toHaveLength(1);
  });
});
