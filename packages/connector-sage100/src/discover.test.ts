// Discovery and pickers against a real gateway: the company's own layouts, UDFs included (and new
// ones appearing once Custom Office adds them), with what the actions can write marked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveredEntity } from '@conduit/connector-kit';
import { type SageTarget, sageTarget } from './test/target';

describe('Sage 100 discovery and pickers', () => {
  let t: SageTarget;
  const entity = (entities: DiscoveredEntity[], table: string) => entities.find((e) => e.key === `table:${table}`);

  beforeAll(async () => {
    t = await sageTarget();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('describes each readable table with typed fields, keys, read-only columns and UDFs', async () => {
    const { entities } = await t.conn.discover();
    const customer = entity(entities, 'AR_Customer');
    expect(customer).toMatchObject({ kind: 'customer', operations: ['read', 'write'] });
    const field = (key: string) => customer?.fields.find((f) => f.key === key);
    expect(field('CustomerName')).toEqual({ key: 'CustomerName', label: 'Customer Name', type: 'string', path: 'customerName', remoteType: 'S 30' });
    expect(field('ARDivisionNo')).toMatchObject({ path: 'arDivisionNo', required: true });
    expect(field('CreditLimit')).toMatchObject({ type: 'number', remoteType: 'N 14.2' });
    expect(field('CreditHold')).toMatchObject({ type: 'boolean', path: 'creditHold' });
    expect(field('DateEstablished')).toMatchObject({ type: 'date', readOnly: true });
    expect(field('CurrentBalance')).toMatchObject({ readOnly: true });
    expect(field('UDF_EXT_REF')).toEqual({ key: 'UDF_EXT_REF', label: 'EXT REF (UDF)', type: 'string', path: 'udf.EXT_REF', remoteType: 'S 80' });
    expect(entity(entities, 'CI_Item')).toMatchObject({ kind: 'item', operations: ['read'] });
    expect(entity(entities, 'SO_SalesOrderHeader')?.fields.find((f) => f.key === 'CustomerPONo')).toMatchObject({ path: 'customerPONo' });
    expect(entity(entities, 'SO_SalesOrderHeader')?.fields.find((f) => f.key === 'TaxableAmt')).toMatchObject({ readOnly: true });
  });

  it('picks up a UDF added to the company, and limits discovery to one table on request', async () => {
    await t.control.setOptions({ udfs: { AR_Customer: ['UDF_EXT_REF:S40', 'UDF_REGION:S10'], SO_SalesOrderHeader: ['UDF_EXT_REF:S40'], SO_SalesOrderHistoryHeader: ['UDF_EXT_REF:S40'], AR_InvoiceHistoryHeader: ['UDF_EXT_REF:S40'] } });
    const { entities } = await t.conn.discover({ table: 'AR_Customer' });
    expect(entities.map((e) => e.key)).toEqual(['table:AR_Customer']);
    expect(entities[0]?.fields.find((f) => f.key === 'UDF_REGION')).toMatchObject({ path: 'udf.REGION', type: 'string' });
    const made = (await t.conn.runAction('createCustomer', { arDivisionNo: '01', customerName: 'Region Co', udf: { REGION: 'NW' } }, { idempotencyKey: 'udf-region' })) as { udf: Record<string, unknown> };
    expect(made.udf).toMatchObject({ REGION: 'NW' });
  });

  it('offers stamped tables for the trigger and the warehouses for inputs', async () => {
    const tables = await t.conn.loadPicker('tables');
    expect(tables).toContainEqual({ value: 'AR_Customer', label: 'AR_Customer', group: 'AR' });
    expect(tables.map((o) => o.value)).not.toContain('SY_Country');
    const warehouses = await t.conn.loadPicker('warehouses');
    expect(warehouses.map((w) => w.value)).toEqual(['000', '001']);
    expect(warehouses[0]?.label).toMatch(/^000 — /);
  });
});
