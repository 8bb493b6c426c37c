import { z } from 'zod';
import { callGateway, customerSubject, enc } from '../api/gateway';
import { defineAction } from '../auth';
import { customerRecord } from '../model/records';
import { customerKeyInput, hints } from './common';

export const getCustomer = defineAction({
  key: 'getCustomer',
  title: 'Get customer',
  description: 'Reads one customer (AR_Customer) by DD-CUSTNO, with its user-defined fields.',
  input: z.object({ customerKey: customerKeyInput }),
  output: customerRecord,
  idempotent: true,
  ui: { fields: { customerKey: hints.customer } },
  run: async (ctx) => (await callGateway<z.input<typeof customerRecord>>(ctx, { path: `customers/${enc(ctx.input.customerKey)}`, subject: customerSubject(ctx.input.customerKey) })).data,
});
