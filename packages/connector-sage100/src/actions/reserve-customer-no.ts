import { z } from 'zod';
import { callGateway } from '../api/gateway';
import { defineAction } from '../auth';

export const reserveCustomerNo = defineAction({
  key: 'reserveCustomerNo',
  title: 'Reserve next customer number',
  description: 'Takes the next customer number from A/R options. The counter advances on every call; unused numbers leave gaps, as in Sage.',
  input: z.object({}),
  output: z.object({ customerNo: z.string() }),
  idempotent: false,
  run: async (ctx) => (await callGateway<{ customerNo: string }>(ctx, { method: 'POST', path: 'customers/next-number', subject: { type: 'customer number' }, idempotent: false })).data,
});
