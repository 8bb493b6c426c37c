import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../testing';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.gw.close());

describe('emulator: hold and release a sales order', () => {
  it('sets OrderStatus H with a new audit stamp, and releases it to N (nothing shipped)', async () => {
    const order = await t.api<{ salesOrderNo: string; orderStatus: string }>('POST', '/sales-orders', { arDivisionNo: '01', customerNo: 'ACMEIND', lines: [{ itemCode: 'FAST-1002', quantityOrdered: 1 }] });
    const no = order.body.data.salesOrderNo;
    await t.emulator.setClock({ advanceSeconds: 60 });
    expect(await t.emulator.holdOrder(no, true)).toEqual({ salesOrderNo: no, orderStatus: 'H' });
    const [held] = (await t.emulator.rows('SO_SalesOrderHeader', { SalesOrderNo: no })).items;
    expect(held).toMatchObject({ orderStatus: 'H' });
    expect(String(held?.timeUpdated)).not.toBe('');
    expect((await t.api<{ orderStatus: string }>('GET', `/sales-orders/${no}`)).body.data.orderStatus).toBe('H');
    expect(await t.emulator.holdOrder(no, false)).toEqual({ salesOrderNo: no, orderStatus: 'N' });
  });

  it('refuses an order that is not open, changing nothing', async () => {
    await expect(t.emulator.holdOrder('9999999', true)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Sales order 9999999 is not open.' });
  });
});
