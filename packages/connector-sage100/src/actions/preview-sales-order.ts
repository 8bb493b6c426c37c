import { z } from 'zod';
import { callGateway, customerSubject } from '../api/gateway';
import { defineAction } from '../auth';
import { orderRecord, warningsOutput } from '../model/records';
import { orderBody, orderInputShape, orderUi, orderWhat } from './order-input';

const output = orderRecord.extend({ warnings: warningsOutput });

export const previewSalesOrder = defineAction({
  key: 'previewSalesOrder',
  title: 'Preview sales order totals',
  description: 'Builds the order in Sage (defaults, prices, tax, totals) and discards it: what createSalesOrder would save. Uses up an order number.',
  input: z.strictObject(orderInputShape),
  output,
  // Nothing is saved, so repeating it is harmless (each run skips an order number, as Sage does).
  idempotent: true,
  ui: orderUi,
  run: async (ctx) => {
    const res = await callGateway<z.input<typeof orderRecord>>(ctx, { method: 'POST', path: 'sales-orders/preview', json: orderBody(ctx.input), subject: customerSubject(ctx.input.customerKey), what: orderWhat(ctx.input.customerKey), idempotent: true });
    return { ...res.data, warnings: res.warnings };
  },
});
