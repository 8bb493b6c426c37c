import { z } from 'zod';
import { callGateway, enc } from '../api/gateway';
import { defineAction } from '../auth';
import { invoiceRecord } from '../model/records';

export const getInvoice = defineAction({
  key: 'getInvoice',
  title: 'Get invoice',
  description: 'Reads one posted A/R invoice with its lines and total.',
  input: z.object({ invoiceNo: z.string().trim().min(1).max(20).meta({ title: 'Invoice number' }) }),
  output: invoiceRecord,
  idempotent: true,
  run: async (ctx) => (await callGateway<z.input<typeof invoiceRecord>>(ctx, { path: `invoices/${enc(ctx.input.invoiceNo)}`, subject: { type: 'invoice', key: ctx.input.invoiceNo.toUpperCase() } })).data,
});
