import { z } from 'zod';
import { callGateway, enc } from '../api/gateway';
import { defineAction } from '../auth';
import { orderRecord } from '../model/records';
import { salesOrderNoInput } from './common';
import { orderSubject } from './order-input';

export const cancelSalesOrder = defineAction({
  key: 'cancelSalesOrder',
  title: 'Cancel sales order',
  description: 'Deletes an open order or quote; it stays in history as X (order) or Z (quote). Cancelling a cancelled order is harmless; a completed one is refused.',
  input: z.object({ salesOrderNo: salesOrderNoInput }),
  output: orderRecord,
  idempotent: true,
  run: async (ctx) =>
    (await callGateway<z.input<typeof orderRecord>>(ctx, { method: 'POST', path: `sales-orders/${enc(ctx.input.salesOrderNo)}/cancel`, subject: orderSubject(ctx.input.salesOrderNo), idempotent: true, what: `cancel of sales order ${ctx.input.salesOrderNo.toUpperCase()}` })).data,
});
