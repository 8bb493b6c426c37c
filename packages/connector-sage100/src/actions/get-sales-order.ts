import { z } from 'zod';
import { callGateway, enc } from '../api/gateway';
import { defineAction } from '../auth';
import { orderRecord } from '../model/records';
import { salesOrderNoInput } from './common';
import { orderSubject } from './order-input';

export const getSalesOrder = defineAction({
  key: 'getSalesOrder',
  title: 'Get sales order',
  description: 'Reads a sales order or quote with its lines: open orders first, else history (completed, cancelled) with its history status.',
  input: z.object({ salesOrderNo: salesOrderNoInput }),
  output: orderRecord,
  idempotent: true,
  run: async (ctx) => (await callGateway<z.input<typeof orderRecord>>(ctx, { path: `sales-orders/${enc(ctx.input.salesOrderNo)}`, subject: orderSubject(ctx.input.salesOrderNo) })).data,
});
