import { z } from 'zod';
import { callGateway, customerSubject, enc, shownCustomer } from '../api/gateway';
import { defineAction } from '../auth';
import { creditRecord } from '../model/records';
import { customerKeyInput, hints } from './common';

export const getCustomerCredit = defineAction({
  key: 'getCustomerCredit',
  title: 'Get customer balance and credit',
  description: 'Balance, aging, open orders, credit limit, available credit, credit hold and open invoices of one customer.',
  input: z.object({ customerKey: customerKeyInput }),
  output: creditRecord,
  idempotent: true,
  ui: { fields: { customerKey: hints.customer } },
  run: async (ctx) => (await callGateway<z.input<typeof creditRecord>>(ctx, { path: `customers/${enc(ctx.input.customerKey)}/credit`, subject: customerSubject(ctx.input.customerKey), what: `credit of customer ${shownCustomer(ctx.input.customerKey)}` })).data,
});
