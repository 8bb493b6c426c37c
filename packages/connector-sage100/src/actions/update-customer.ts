import { z } from 'zod';
import { callGateway, customerSubject, enc } from '../api/gateway';
import { defineAction } from '../auth';
import { customerFields, udfInput } from '../model/fields';
import { customerRecord, written } from '../model/records';
import { customerKeyInput, hints } from './common';

const output = written(customerRecord);

export const updateCustomer = defineAction({
  key: 'updateCustomer',
  title: 'Update customer',
  description: 'Sets the given fields on a customer; fields left out keep their values. Retried while another Sage user has the record open.',
  input: z.strictObject({ customerKey: customerKeyInput, ...customerFields, udf: udfInput }),
  output,
  idempotent: true,
  ui: { fields: { customerKey: hints.customer, udf: hints.udf } },
  run: async (ctx) => {
    const { customerKey, ...fields } = ctx.input;
    // Setting the same values twice is harmless, so a lost response may be resent.
    const res = await callGateway<z.input<typeof customerRecord>>(ctx, { method: 'PATCH', path: `customers/${enc(customerKey)}`, json: fields, subject: customerSubject(customerKey), idempotent: true });
    return { ...res.data, warnings: res.warnings };
  },
});
