import { z } from 'zod';
import { callGateway, customerSubject } from '../api/gateway';
import { defineAction } from '../auth';
import { created, orderRecord } from '../model/records';
import { orderBody, orderInputShape, orderUi, orderWhat } from './order-input';

const output = created(orderRecord);

export const createSalesOrder = defineAction({
  key: 'createSalesOrder',
  title: 'Create sales order',
  description:
    'Creates a sales order or quote with its lines in one write: all lines or nothing. The engine’s idempotency key travels as Idempotency-Key, so a retry after a lost response returns the first order instead of a second one.',
  input: z.strictObject({
    ...orderInputShape,
    externalId: z.string().trim().min(1).optional().meta({ title: 'External reference', description: 'Kept in UDF_EXT_REF (e.g. the Streak box key); findSalesOrders finds the order by it' }),
  }),
  output,
  idempotent: 'key',
  ui: orderUi,
  run: async (ctx) => {
    const res = await callGateway<z.input<typeof orderRecord>>(ctx, {
      method: 'POST',
      path: 'sales-orders',
      json: orderBody(ctx.input),
      subject: customerSubject(ctx.input.customerKey),
      what: orderWhat(ctx.input.customerKey),
      idempotencyKey: ctx.idempotencyKey,
    });
    return { ...res.data, warnings: res.warnings, replayed: res.replayed };
  },
});
