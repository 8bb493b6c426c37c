// The order shape shared by preview and create, and its gateway body.
import { z } from 'zod';
import { shownCustomer, splitCustomerKey } from '../api/gateway';
import { orderHeaderFields, orderLine } from '../model/fields';
import { customerKeyInput, hints } from './common';

export const orderInputShape = {
  customerKey: customerKeyInput,
  orderType: z.enum(['S', 'B', 'Q']).optional().meta({ title: 'Order type', description: 'S standard (default), B back order, Q quote' }),
  ...orderHeaderFields,
  lines: z.array(orderLine).min(1).max(500).meta({ title: 'Lines', description: 'All lines are written or none' }),
};

export const orderUi = { fields: { customerKey: hints.customer, lines: hints.lines, udf: hints.udf, warehouseCode: hints.warehouse }, order: ['customerKey', 'customerPONo', 'lines'] };

export function orderBody<T extends { customerKey: string }>(input: T): Omit<T, 'customerKey'> & { arDivisionNo: string; customerNo: string } {
  const { customerKey, ...rest } = input;
  return { ...splitCustomerKey(customerKey), ...rest };
}

export const orderWhat = (customerKey: string) => `sales order for customer ${shownCustomer(customerKey)}`;
export const orderSubject = (salesOrderNo: string) => ({ type: 'sales order', key: salesOrderNo.trim().toUpperCase() });
