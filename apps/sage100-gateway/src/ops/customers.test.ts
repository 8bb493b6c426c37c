import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.gw.close());

describe('gateway basics', () => {
  it('requires the bearer token on /v1 and leaves health and the OpenAPI document open', async () => {
    const none = await fetch(`${t.gw.url}/v1/companies/ABC/customers/01-ACMEIND`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('AUTH_FAILED');
    expect((await t.api('GET', '/customers/01-ACMEIND', undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(`${t.gw.url}/health`)).status).toBe(200);
    const spec = (await (await fetch(`${t.gw.url}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toContain('/v1/companies/{company}/sales-orders');
    expect((await t.api('GET', '/v1/companies/XYZ/customers/01-A')).body.error.code).toBe('COMPANY_UNAVAILABLE');
    expect((await t.api('GET', '/v1/companies')).body.data).toEqual({ items: [{ code: 'ABC' }] });
    const lookups = (await t.api<Record<string, { code: string }[]>>('GET', '/lookups')).body.data;
    expect(lookups.divisions?.map((d) => d.code)).toEqual(['01', '02']);
    expect(lookups.warehouses?.map((w) => w.code)).toEqual(['000', '001']);
  });
});

describe('customers', () => {
  it('gets a customer by a loosely typed key, normalised as Sage does', async () => {
    const r = await t.api('GET', '/customers/1-acmeind');
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ customerKey: '01-ACMEIND', customerName: 'ACME INDUSTRIAL SUPPLY INC', creditHold: false });
    const missing = await t.api('GET', '/customers/01-NOSUCH');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', retryable: false });
  });

  it('creates with key normalisation (2 → 02, 123 → 0000123) and refuses a duplicate', async () => {
    const r = await t.api('POST', '/customers', { arDivisionNo: '2', customerNo: '123', customerName: 'Numbered Customer', termsCode: '30', creditLimit: 2500 });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ customerKey: '02-0000123', arDivisionNo: '02', customerNo: '0000123', customerStatus: 'A', termsCode: '30', creditLimit: 2500 });
    expect(r.body.data.dateEstablished).toMatch(/^\d{4}-\d\d-\d\d$/);
    const again = await t.api('POST', '/customers', { arDivisionNo: '02', customerNo: '0000123', customerName: 'Other' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE');
  });

  it('takes the next customer number when none is given', async () => {
    const next = await t.api<{ customerNo: string }>('POST', '/customers/next-number');
    const r = await t.api('POST', '/customers', { arDivisionNo: '01', customerName: 'Auto Numbered' });
    expect(r.body.data.customerNo).toBe(String(Number(next.body.data.customerNo) + 1).padStart(7, '0'));
  });

  it('rejects bad input with the canonical code and Sage\'s message, writing nothing', async () => {
    const long = await t.api('POST', '/customers', { arDivisionNo: '01', customerNo: 'TOOLONG', customerName: 'X'.repeat(31) });
    expect(long.status).toBe(422);
    expect(long.body.error).toMatchObject({ code: 'VALIDATION_FAILED', sageMessage: 'The Customer Name is greater than 30 character(s).', field: 'customerName', retryable: false });
    const terms = await t.api('POST', '/customers', { arDivisionNo: '01', customerNo: 'TOOLONG', customerName: 'Fine', termsCode: '99' });
    expect(terms.body.error).toMatchObject({ code: 'VALIDATION_FAILED', sageMessage: 'The Terms Code 99 is not on file.', field: 'termsCode' });
    expect((await t.api('GET', '/customers/01-TOOLONG')).status).toBe(404);
    const unknown = await t.api('POST', '/customers', { arDivisionNo: '01', customerName: 'X', nickname: 'y' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'nickname' });
    const wrongType = await t.api('POST', '/customers', { arDivisionNo: '01', customerName: 'X', creditLimit: 'lots' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.field).toBe('creditLimit');
    const raw = (body: string) => fetch(`${t.gw.url}/v1/companies/ABC/customers`, { method: 'POST', headers: { authorization: `Bearer ${t.gw.token}`, 'content-type': 'application/json' }, body });
    const broken = await raw('{"arDivisionNo": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    expect((await raw('[1,2]')).status).toBe(400);
    const badDiv = await t.api('POST', '/customers', { arDivisionNo: '07', customerNo: 'NODIV', customerName: 'X' });
    expect(badDiv.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'arDivisionNo' });
  });

  it('updates and searches', async () => {
    const r = await t.api('PATCH', '/customers/01-BLUERID', { comment: 'Updated via gateway', creditLimit: 12000 });
    expect(r.body.data).toMatchObject({ comment: 'Updated via gateway', creditLimit: 12000 });
    const search = await t.api<{ items: { customerKey: string }[] }>('GET', '/customers?q=blue%20ridge');
    expect(search.body.data.items.map((c) => c.customerKey)).toEqual(['01-BLUERID']);
    expect((await t.api('PATCH', '/customers/01-NOSUCH', { comment: 'x' })).status).toBe(404);
  });

  it('maintains contacts and ship-to addresses', async () => {
    const c = await t.api('POST', '/customers/01-ACMEIND/contacts', { contactCode: 'ops', contactName: 'Robin Ops', emailAddress: 'ops@acme.test' });
    expect(c.status).toBe(201);
    expect(c.body.data).toMatchObject({ contactCode: 'OPS', contactName: 'Robin Ops' });
    const list = await t.api<{ items: { contactCode: string }[] }>('GET', '/customers/01-ACMEIND/contacts');
    expect(list.body.data.items.map((x) => x.contactCode)).toEqual(['AP', 'BUYER', 'OPS']);
    const noCustomer = await t.api('POST', '/customers/01-NOSUCH/contacts', { contactCode: 'X', contactName: 'Nobody' });
    expect(noCustomer.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerKey' });
    const s = await t.api('POST', '/customers/01-ACMEIND/ship-to', { shipToCode: 'east', shipToName: 'Acme East', shipToCity: 'Akron', warehouseCode: '001' });
    expect(s.body.data).toMatchObject({ shipToCode: 'EAST', warehouseCode: '001' });
    const badWh = await t.api('PATCH', '/customers/01-ACMEIND/ship-to/EAST', { warehouseCode: '999' });
    expect(badWh.body.error).toMatchObject({ code: 'VALIDATION_FAILED', sageMessage: 'The Warehouse Code 999 is not on file.' });
  });

  it('reports balance and credit status', async () => {
    const hold = (await t.emulator.rows('AR_Customer', { CreditHold: 'Y' })).items[0] as { arDivisionNo: string; customerNo: string };
    const r = await t.api('GET', `/customers/${hold.arDivisionNo}-${hold.customerNo}/credit`);
    expect(r.body.data).toMatchObject({ creditHold: true });
    expect(r.body.data).toHaveProperty('openInvoices');
  });
});
