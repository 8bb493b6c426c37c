import { z } from 'zod';
import { callGateway, enc } from '../api/gateway';
import { defineAction } from '../auth';
import { itemRecord } from '../model/records';
import { itemCodeInput } from './common';

export const itemSubject = (itemCode: string) => ({ type: 'item', key: itemCode.trim().toUpperCase() });

export const getItem = defineAction({
  key: 'getItem',
  title: 'Get item',
  description: 'Reads one item (CI_Item) by code, with its user-defined fields.',
  input: z.object({ itemCode: itemCodeInput }),
  output: itemRecord,
  idempotent: true,
  run: async (ctx) => (await callGateway<z.input<typeof itemRecord>>(ctx, { path: `items/${enc(ctx.input.itemCode)}`, subject: itemSubject(ctx.input.itemCode) })).data,
});
