import { z } from 'zod';
import { callGateway, enc } from '../api/gateway';
import { defineAction } from '../auth';
import { orderHeaderFields, orderLine, orderLineUpdate } from '../model/fields';
import { orderRecord, written } from '../model/records';
import { hints, salesOrderNoInput } from './common';
import { orderSubject } from './order-input';

const output = written(orderRecord);

export const updateSalesOrder = defineAction({
  key: 'updateSalesOrder',
  title: 'Update sales order',
  description: 'Changes header fields and adds, changes or removes lines of an open order in one write; a refused line leaves the order as it was.',
  input: z.strictObject({
    salesOrderNo: salesOrderNoInput,
    ...orderHeaderFields,
    addLines: z.array(orderLine).max(500).optional(),
    updateLines: z.array(orderLineUpdate).max(500).optional(),
    removeLines: z.array(z.string().min(1)).max(500).optional().meta({ description: 'LineKeys to delete' }),
  }),
  output,
  // Adding lines twice would duplicate them, so the engine must not blindly repeat this step.
  idempotent: false,
  ui: { fields: { addLines: hints.lines, updateLines: hints.lines, udf: hints.udf, warehouseCode: hints.warehouse } },
  run: async (ctx) => {
    const { salesOrderNo, ...body } = ctx.input;
    const res = await callGateway<z.input<typeof orderRecord>>(ctx, { method: 'PATCH', path: `sales-orders/${enc(salesOrderNo)}`, json: body, subject: orderSubject(salesOrderNo) });
    return { ...res.data, warnings: res.warnings };
  },
});
