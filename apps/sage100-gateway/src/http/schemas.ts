// Response shapes for /openapi.json, derived from the same table layouts the records are converted with.
import { TABLES } from '@conduit/sage100-boi';
import { z } from 'zod';
import { apiName } from '../sage/records';

const udf = z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('UDF_* columns without the prefix');

export function recordSchema(table: string, extra: Record<string, z.ZodType> = {}): z.ZodObject {
  const columns = TABLES.get(table)?.columns ?? [];
  const shape: Record<string, z.ZodType> = {};
  for (const c of columns) shape[apiName(c.name)] = c.type === 'D' ? z.iso.date().nullable() : c.type === 'Y' ? z.boolean() : c.type === 'N' ? z.number() : z.string().max(c.length);
  return z.object({ ...shape, udf, ...extra }).describe(table);
}

const list = (item: z.ZodType, paged = true) => z.object({ items: z.array(item), ...(paged ? { nextAfter: z.string().nullable() } : {}) });
const orderExtra = { customerKey: z.string(), orderTotal: z.number(), source: z.enum(['open', 'history']) };

export const customerOut = recordSchema('AR_Customer', { customerKey: z.string() });
export const customerList = list(customerOut);
export const contactOut = recordSchema('AR_CustomerContact');
export const shipToOut = recordSchema('SO_ShipToAddress');
export const itemOut = recordSchema('CI_Item');
export const itemList = list(itemOut);
export const orderSummaryOut = recordSchema('SO_SalesOrderHeader', orderExtra);
export const orderOut = recordSchema('SO_SalesOrderHeader', { ...orderExtra, lines: z.array(recordSchema('SO_SalesOrderDetail')) });
export const orderList = list(orderSummaryOut);
export const previewOut = orderOut.extend({ salesOrderNo: z.null().describe('nothing was saved'), preview: z.literal(true) });
export const invoiceOut = recordSchema('AR_InvoiceHistoryHeader', { customerKey: z.string(), invoiceTotal: z.number(), lines: z.array(recordSchema('AR_InvoiceHistoryDetail')) });
export const receiptOut = recordSchema('AR_CashReceiptsHistory', { customerKey: z.string() });
export const sinceList = (item: z.ZodType) => z.object({ items: z.array(item), highWaterMark: z.string().nullable() });

export const availabilityOut = z.object({
  itemCode: z.string(),
  totalAvailable: z.number(),
  warehouses: z.array(z.object({ warehouseCode: z.string(), quantityOnHand: z.number(), quantityOnSalesOrder: z.number(), quantityOnBackOrder: z.number(), quantityOnPurchaseOrder: z.number(), quantityAvailable: z.number().describe('on hand − on sales order − on back order') })),
});

export const priceOut = z.object({ itemCode: z.string(), customerKey: z.string(), quantity: z.number(), unitPrice: z.number(), priceLevel: z.string(), extensionAmt: z.number(), unitOfMeasure: z.string() });

export const creditOut = z.object({
  customerKey: z.string(),
  customerStatus: z.enum(['A', 'I', 'T']),
  creditHold: z.boolean(),
  creditLimit: z.number().describe('0 = no limit'),
  currentBalance: z.number(),
  openOrderAmt: z.number(),
  availableCredit: z.number().nullable(),
  overLimit: z.boolean(),
  aging: z.object({ current: z.number(), days30: z.number(), days60: z.number(), days90: z.number() }),
  openInvoices: z.array(z.object({ invoiceNo: z.string(), invoiceType: z.string(), balance: z.number(), invoiceDate: z.string().nullable(), invoiceDueDate: z.string().nullable() })),
});

export const changesOut = z.object({
  table: z.string(),
  items: z.array(z.object({ key: z.record(z.string(), z.union([z.string(), z.number()])), keyText: z.string(), stamp: z.string().describe('DateUpdated+TimeUpdated, Sage server time, to the millisecond (TimeUpdated itself resolves to 36 ms)'), record: z.record(z.string(), z.unknown()) })),
  highWaterMark: z.string(),
  hasMore: z.boolean(),
  nextCursor: z.string(),
});

export const keysOut = z.object({ table: z.string(), keyColumns: z.array(z.string()), items: z.array(z.object({ key: z.array(z.union([z.string(), z.number()])), hash: z.string() })), nextAfter: z.string().nullable() });
export const rowsOut = z.object({ table: z.string(), items: z.array(z.record(z.string(), z.unknown())), nextAfter: z.string().nullable() });
export const tablesOut = z.object({ items: z.array(z.object({ name: z.string(), key: z.array(z.string()), stamped: z.boolean(), columns: z.array(z.object({ name: z.string(), type: z.enum(['S', 'N', 'D', 'Y']), length: z.number(), scale: z.number() })) })) });
