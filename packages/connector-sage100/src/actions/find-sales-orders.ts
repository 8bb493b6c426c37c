import { z } from 'zod';
import { PermanentError } from '@conduit/connector-kit';
import { callGateway, customerSubject, shownCustomer } from '../api/gateway';
import { defineAction } from '../auth';
import { orderSummaryRecord } from '../model/records';
import { afterInput, customerKeyInput, hints, limitInput, page } from './common';

const output = page(orderSummaryRecord);

export const findSalesOrders = defineAction({
  key: 'findSalesOrders',
  title: 'Find sales orders',
  description: 'Finds orders by external reference (open or history, e.g. the Streak box key), by customer PO number, or lists a customer’s open orders.',
  input: z.object({
    externalId: z.string().trim().min(1).optional().meta({ title: 'External reference', description: 'UDF_EXT_REF, set by createSalesOrder' }),
    customerPONo: z.string().trim().min(1).optional().meta({ title: 'Customer PO number' }),
    customerKey: customerKeyInput.optional(),
    limit: limitInput(1000, 50),
    after: afterInput,
  }),
  output,
  idempotent: true,
  ui: { fields: { customerKey: hints.customer } },
  run: async (ctx) => {
    const { externalId, customerPONo, customerKey, limit, after } = ctx.input;
    const by = externalId ? `external reference ${externalId}` : customerPONo ? `customer PO ${customerPONo}` : customerKey ? `customer ${shownCustomer(customerKey)}` : undefined;
    if (!by) {
      throw new PermanentError('validation', { connector: 'Sage 100', subject: { type: 'input' }, message: 'Sage 100: finding sales orders needs an external reference, a customer PO number or a customer' });
    }
    return (await callGateway<z.input<typeof output>>(ctx, {
      path: 'sales-orders',
      query: { externalId, customerPONo, customer: customerKey, limit, after },
      subject: customerKey ? customerSubject(customerKey) : { type: 'sales orders', key: externalId ?? customerPONo },
      what: `sales orders with ${by}`,
    })).data;
  },
});
