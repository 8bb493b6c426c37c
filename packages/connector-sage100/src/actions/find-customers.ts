import { z } from 'zod';
import { callGateway } from '../api/gateway';
import { defineAction } from '../auth';
import { customerRecord } from '../model/records';
import { afterInput, limitInput, page } from './common';

const output = page(customerRecord);

export const findCustomers = defineAction({
  key: 'findCustomers',
  title: 'Find customers',
  description: 'Searches customers by name, number, city, e-mail or phone (contains, case-insensitive), one page at a time in key order.',
  input: z.object({
    query: z.string().trim().min(1).optional().meta({ title: 'Search text' }),
    status: z.enum(['A', 'I', 'T']).optional().meta({ title: 'Status', description: 'A active, I inactive, T temporary' }),
    limit: limitInput(1000, 50),
    after: afterInput,
  }),
  output,
  idempotent: true,
  run: async (ctx) => {
    const { query, status, limit, after } = ctx.input;
    return (await callGateway<z.input<typeof output>>(ctx, { path: 'customers', query: { q: query, status, limit, after }, subject: { type: 'customers', key: query } })).data;
  },
});
