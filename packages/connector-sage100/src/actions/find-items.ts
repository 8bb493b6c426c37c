import { z } from 'zod';
import { callGateway } from '../api/gateway';
import { defineAction } from '../auth';
import { itemRecord } from '../model/records';
import { afterInput, limitInput, page } from './common';

const output = page(itemRecord);

export const findItems = defineAction({
  key: 'findItems',
  title: 'Find items',
  description: 'Searches items by code or description (contains, case-insensitive); inactive items only when asked.',
  input: z.object({
    query: z.string().trim().min(1).optional().meta({ title: 'Search text' }),
    itemType: z.enum(['1', '3', '4', '5']).optional().meta({ title: 'Item type', description: '1 regular, 3 charge, 4 comment, 5 misc' }),
    includeInactive: z.boolean().default(false),
    limit: limitInput(1000, 50),
    after: afterInput,
  }),
  output,
  idempotent: true,
  run: async (ctx) => {
    const { query, itemType, includeInactive, limit, after } = ctx.input;
    return (await callGateway<z.input<typeof output>>(ctx, { path: 'items', query: { q: query, itemType, includeInactive, limit, after }, subject: { type: 'items', key: query } })).data;
  },
});
