import { z } from 'zod';
import { callGateway, customerKeyOf } from '../api/gateway';
import { defineAction } from '../auth';
import { customerFields, udfInput } from '../model/fields';
import { created, customerRecord } from '../model/records';
import { hints } from './common';

const output = created(customerRecord);

export const createCustomer = defineAction({
  key: 'createCustomer',
  title: 'Create customer',
  description: 'Creates a customer. Sage normalises the key (1 → 01, 123 → 0000123); without a number the next one is taken. A repeated attempt with the same idempotency key returns the first customer.',
  input: z.strictObject({
    arDivisionNo: z.string().trim().min(1).meta({ title: 'A/R division', description: '00 when divisions are off' }),
    customerNo: z.string().trim().min(1).optional().meta({ title: 'Customer number', description: 'Leave empty to take the next number' }),
    externalId: z.string().trim().min(1).optional().meta({ title: 'External reference', description: 'Stored in UDF_EXT_REF when the company has it (e.g. the Streak box key)' }),
    customerName: z.string().trim().min(1).meta({ title: 'Name' }),
    ...customerFields,
    udf: udfInput,
  }),
  output,
  idempotent: 'key',
  ui: { fields: { udf: hints.udf }, order: ['arDivisionNo', 'customerNo', 'customerName'] },
  run: async (ctx) => {
    const res = await callGateway<z.input<typeof customerRecord>>(ctx, {
      method: 'POST',
      path: 'customers',
      json: ctx.input,
      subject: { type: 'customer', key: customerKeyOf(ctx.input) },
      idempotencyKey: ctx.idempotencyKey,
    });
    return { ...res.data, warnings: res.warnings, replayed: res.replayed };
  },
});
