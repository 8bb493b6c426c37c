import { z } from 'zod';
import { callGateway, enc } from '../api/gateway';
import { defineAction } from '../auth';
import { availabilityRecord } from '../model/records';
import { hints, itemCodeInput } from './common';
import { itemSubject } from './get-item';

export const getAvailability = defineAction({
  key: 'getAvailability',
  title: 'Get item availability',
  description: 'Quantities of one item per warehouse (IM_ItemWarehouse): on hand, on sales order, on back order, on PO and available.',
  input: z.object({ itemCode: itemCodeInput, warehouseCode: z.string().trim().min(1).optional().meta({ description: 'Only this warehouse' }) }),
  output: availabilityRecord,
  idempotent: true,
  ui: { fields: { warehouseCode: hints.warehouse } },
  run: async (ctx) => {
    const { itemCode, warehouseCode } = ctx.input;
    return (await callGateway<z.input<typeof availabilityRecord>>(ctx, { path: `items/${enc(itemCode)}/availability`, query: { warehouseCode }, subject: itemSubject(itemCode), what: `availability of item ${itemCode.toUpperCase()}` })).data;
  },
});
