import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startTestGateway, type TestGateway } from '../testing';
import { changesOut, creditOut, customerOut, invoiceOut, itemOut, orderOut, previewOut, sinceList } from './schemas';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.gw.close());

/** The documented schema accepts the real response and names every field it carries. */
function conforms(schema: z.ZodObject, data: Record<string, unknown>): void {
  expect(() => schema.parse(data)).not.toThrow();
  expect(Object.keys(data).filter((k) => !(k in schema.shape))).toEqual([]);
}

describe('/openapi.json response schemas', () => {
  it('match what the endpoints return', async () => {
    conforms(customerOut, (await t.api('GET', '/customers/01-ACMEIND')).body.data);
    conforms(creditOut, (await t.api('GET', '/customers/01-ACMEIND/credit')).body.data);
    conforms(itemOut, (await t.api('GET', '/items/FAST-1001')).body.data);
    const order = (await t.api<{ salesOrderNo: string } & Record<string, unknown>>('POST', '/sales-orders', { arDivisionNo: '01', customerNo: 'ACMEIND', externalId: 'schema-1', lines: [{ itemCode: 'FAST-1001', quantityOrdered: 1 }] })).body.data;
    conforms(orderOut, order);
    conforms(previewOut, (await t.api('POST', '/sales-orders/preview', { arDivisionNo: '01', customerNo: 'ACMEIND', lines: [{ itemCode: 'FAST-1001', quantityOrdered: 1 }] })).body.data);
    await t.emulator.advanceOrder(order.salesOrderNo, 'invoiced');
    const invoices = (await t.api('GET', '/invoices?since=2020-01-01')).body.data;
    conforms(sinceList(invoiceOut), invoices);
    conforms(invoiceOut, (invoices.items as Record<string, unknown>[])[0] ?? {});
    conforms(changesOut, (await t.api('POST', '/tables/AR_Customer/changes', { since: '2020-01-01', limit: 5 })).body.data);
    const spec = (await (await fetch(`${t.gw.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    expect(Object.keys(spec.paths['/v1/companies/{company}/sales-orders']?.post?.responses ?? {})).toEqual(['201', 'default']);
  });
});
