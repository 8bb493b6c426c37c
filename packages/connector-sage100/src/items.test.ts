// Item, price and availability actions against a real gateway over the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermanentError } from '@conduit/connector-kit';
import { type SageTarget, fixtureCustomer, fixtureItems, sageTarget } from './test/target';

type Rec = Record<string, unknown>;

describe('Sage 100 items', () => {
  let t: SageTarget;
  let item: string;
  let inactive: string;
  let customerKey: string;
  const run = (key: string, input: unknown) => t.conn.runAction(key, input) as Promise<Rec>;
  const fail = (key: string, input: unknown) => run(key, input).then(() => expect.unreachable('should fail'), (e: unknown) => e as PermanentError);

  beforeAll(async () => {
    t = await sageTarget();
    const items = await fixtureItems(t);
    item = items.regular[0] ?? '';
    inactive = items.inactive;
    customerKey = await fixtureCustomer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gets an item by code, case-insensitively', async () => {
    expect(await run('getItem', { itemCode: item.toLowerCase() })).toMatchObject({ itemCode: item, itemType: '1', inactiveItem: false });
    const err = await fail('getItem', { itemCode: 'NO-SUCH-ITEM' });
    expect(err).toMatchObject({ reason: 'not_found', subject: { type: 'item', key: 'NO-SUCH-ITEM' } });
    expect(err.message).toMatch(/^Sage 100: item NO-SUCH-ITEM was not found/);
  });

  it('finds items by text, hiding inactive ones unless asked', async () => {
    const found = (await run('findItems', { query: item })) as { items: Rec[] };
    expect(found.items.map((i) => i.itemCode)).toContain(item);
    expect(((await run('findItems', { query: inactive })) as { items: Rec[] }).items.map((i) => i.itemCode)).not.toContain(inactive);
    expect(((await run('findItems', { query: inactive, includeInactive: true })) as { items: Rec[] }).items.map((i) => i.itemCode)).toContain(inactive);
    const comments = (await run('findItems', { itemType: '4' })) as { items: Rec[] };
    expect(comments.items.every((i) => i.itemType === '4')).toBe(true);
  });

  it('prices an item for a customer and quantity as an order line would', async () => {
    const price = await run('getItemPrice', { itemCode: item, customerKey, quantity: 3 });
    expect(price).toMatchObject({ itemCode: item, customerKey, quantity: 3 });
    expect(price.unitPrice).toBeGreaterThan(0);
    expect(price.extensionAmt).toBeCloseTo(Number(price.unitPrice) * 3, 2);
    const noCustomer = await fail('getItemPrice', { itemCode: item, customerKey: '01-NOSUCH' });
    expect(noCustomer).toMatchObject({ reason: 'validation', subject: { type: 'item', key: item, field: 'customerNo' } });
    expect(noCustomer.message).toMatch(`Sage 100: price of item ${item} for customer 01-NOSUCH (field customerNo) fails:`);
    const noItem = await fail('getItemPrice', { itemCode: 'NO-SUCH-ITEM', customerKey });
    expect(noItem).toMatchObject({ reason: 'validation', subject: { type: 'item', key: 'NO-SUCH-ITEM', field: 'item.itemCode' } });
  });

  it('reports availability per warehouse after stock moves', async () => {
    await t.control.setStock({ itemCode: item, warehouseCode: '000', quantityOnHand: 120 });
    await t.control.setStock({ itemCode: item, warehouseCode: '001', quantityOnHand: 30 });
    const all = (await run('getAvailability', { itemCode: item })) as { warehouses: Rec[]; totalAvailable: number };
    const main = all.warehouses.find((w) => w.warehouseCode === '000');
    expect(main).toMatchObject({ quantityOnHand: 120 });
    expect(main?.quantityAvailable).toBe(120 - Number(main?.quantityOnSalesOrder) - Number(main?.quantityOnBackOrder));
    expect(all.totalAvailable).toBe(all.warehouses.reduce((s, w) => s + Number(w.quantityAvailable), 0));
    const east = (await run('getAvailability', { itemCode: item, warehouseCode: '001' })) as { warehouses: Rec[] };
    expect(east.warehouses).toEqual([expect.objectContaining({ warehouseCode: '001', quantityOnHand: 30 })]);
    expect(await fail('getAvailability', { itemCode: 'NO-SUCH-ITEM' })).toMatchObject({ reason: 'not_found', subject: { type: 'item', key: 'NO-SUCH-ITEM' } });
  });

  it('lists availability for several items at once', async () => {
    const many = (await run('listAvailability', { itemCodes: [item, inactive] })) as { items: Rec[] };
    expect(many.items.map((i) => i.itemCode)).toEqual([item, inactive]);
    const err = await fail('listAvailability', { itemCodes: ['A,B'] });
    expect(err).toMatchObject({ reason: 'validation', issues: [{ path: 'itemCodes.0' }] });
  });
});
