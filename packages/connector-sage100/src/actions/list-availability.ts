import { z } from 'zod';
import { callGateway } from '../api/gateway';
import { defineAction } from '../auth';
import { availabilityRecord } from '../model/records';
import { hints, itemCodeInput } from './common';

const output = z.object({ items: z.array(availabilityRecord) });

export const listAvailability = defineAction({
  key: 'listAvailability',
  title: 'List availability of several items',
  description: 'Availability per warehouse for up to 200 items in one call; unknown items come back with no warehouses.',
  input: z.object({ itemCodes: z.array(itemCodeInput.refine((c) => !c.includes(','), 'item codes cannot contain commas here')).min(1).max(200), warehouseCode: z.string().trim().min(1).optional() }),
  output,
  idempotent: true,
  ui: { fields: { warehouseCode: hints.warehouse } },
  run: async (ctx) =>
    (await callGateway<z.input<typeof output>>(ctx, { path: 'availability', query: { items: ctx.input.itemCodes.join(','), warehouseCode: ctx.input.warehouseCode }, subject: { type: 'items', key: ctx.input.itemCodes.join(',') }, what: `availability of ${ctx.input.itemCodes.length} items` })).data,
});
