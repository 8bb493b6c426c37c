import { z } from 'zod';
import { callGateway, enc, shownCustomer } from '../api/gateway';
import { defineAction } from '../auth';
import { customerKeyInput, hints, itemCodeInput } from './common';
import { itemSubject } from './get-item';

const output = z.object({
  itemCode: z.string(),
  customerKey: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  priceLevel: z.string(),
  extensionAmt: z.number(),
  unitOfMeasure: z.string(),
});

export const getItemPrice = defineAction({
  key: 'getItemPrice',
  title: 'Get item price',
  description: 'Prices an item for a customer and quantity as Sage would on an order line (a dry run; nothing is saved).',
  input: z.object({ itemCode: itemCodeInput, customerKey: customerKeyInput, quantity: z.number().positive().default(1), warehouseCode: z.string().trim().min(1).optional() }),
  output,
  idempotent: true,
  ui: { fields: { customerKey: hints.customer, warehouseCode: hints.warehouse } },
  run: async (ctx) => {
    const { itemCode, customerKey, quantity, warehouseCode } = ctx.input;
    const res = await callGateway<z.input<typeof output>>(ctx, {
      path: `items/${enc(itemCode)}/price`,
      query: { customer: customerKey, quantity, warehouseCode },
      subject: itemSubject(itemCode),
      what: `price of item ${itemCode.toUpperCase()} for customer ${shownCustomer(customerKey)}`,
    });
    return res.data;
  },
});
