// Output shapes: the gateway's records (Sage columns in camelCase, ISO dates, Y/N as booleans, UDFs under
// `udf`). The columns every install has are declared for the mapping editor; the rest pass through.
import { z } from 'zod';

const udf = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional().meta({ description: 'UDF_* columns by name without the prefix' });
const date = z.string().nullable().meta({ description: 'YYYY-MM-DD, null when blank' });

export const warningsOutput = z.array(z.object({ code: z.string(), message: z.string(), field: z.string().optional() })).meta({ description: 'Sage accepted the write with these warnings (duplicate PO, credit limit …)' });
export const replayedOutput = z.boolean().meta({ description: 'true when the gateway returned the record created by an earlier attempt with the same idempotency key' });

export const customerRecord = z.looseObject({
  customerKey: z.string().meta({ description: 'DD-CUSTNO, e.g. 01-ABF' }),
  arDivisionNo: z.string(),
  customerNo: z.string(),
  customerName: z.string(),
  emailAddress: z.string(),
  telephoneNo: z.string(),
  customerStatus: z.string().meta({ description: 'A active, I inactive, T temporary' }),
  creditHold: z.boolean(),
  creditLimit: z.number(),
  currentBalance: z.number(),
  termsCode: z.string(),
  dateUpdated: date,
  udf,
});

export const contactRecord = z.looseObject({ arDivisionNo: z.string(), customerNo: z.string(), contactCode: z.string(), contactName: z.string(), emailAddress: z.string(), udf });
export const shipToRecord = z.looseObject({ arDivisionNo: z.string(), customerNo: z.string(), shipToCode: z.string(), shipToName: z.string(), warehouseCode: z.string(), udf });

export const itemRecord = z.looseObject({
  itemCode: z.string(),
  itemCodeDesc: z.string(),
  itemType: z.string().meta({ description: '1 regular, 3 charge, 4 comment, 5 misc' }),
  inactiveItem: z.boolean(),
  standardUnitPrice: z.number(),
  udf,
});

export const warehouseAvailability = z.looseObject({
  warehouseCode: z.string(),
  quantityOnHand: z.number(),
  quantityOnSalesOrder: z.number(),
  quantityOnBackOrder: z.number(),
  quantityOnPurchaseOrder: z.number(),
  quantityAvailable: z.number().meta({ description: 'on hand − on sales order − on back order' }),
});
export const availabilityRecord = z.object({ itemCode: z.string(), warehouses: z.array(warehouseAvailability), totalAvailable: z.number() });

export const orderLineRecord = z.looseObject({ lineKey: z.string(), itemCode: z.string(), itemCodeDesc: z.string(), quantityOrdered: z.number(), unitPrice: z.number(), extensionAmt: z.number(), warehouseCode: z.string() });

const orderFields = {
  salesOrderNo: z.string().nullable().meta({ description: 'null on a preview' }),
  customerKey: z.string(),
  orderType: z.string().meta({ description: 'S standard, B back order, Q quote …' }),
  orderStatus: z.string().meta({ description: 'Open: N/O/C/H. From history: A/C/X/Q/Z' }),
  orderDate: date,
  customerPONo: z.string(),
  orderTotal: z.number(),
  udf,
};
export const orderSummaryRecord = z.looseObject({ ...orderFields, source: z.enum(['open', 'history']) });
export const orderRecord = z.looseObject({ ...orderFields, source: z.enum(['open', 'history']), lines: z.array(orderLineRecord) });

export const invoiceRecord = z.looseObject({
  invoiceNo: z.string(),
  headerSeqNo: z.string(),
  invoiceDate: date,
  customerKey: z.string(),
  salesOrderNo: z.string(),
  customerPONo: z.string(),
  invoiceTotal: z.number(),
  lines: z.array(z.looseObject({ itemCode: z.string(), quantityShipped: z.number(), unitPrice: z.number(), extensionAmt: z.number() })),
  udf,
});
export const cashReceiptRecord = z.looseObject({
  customerKey: z.string(),
  depositDate: date,
  checkNo: z.string(),
  invoiceNo: z.string().meta({ description: 'The invoice this part of the receipt paid' }),
  cashAmountApplied: z.number(),
  invoiceBalance: z.number(),
  udf,
});

export const creditRecord = z.object({
  customerKey: z.string(),
  customerStatus: z.string(),
  creditHold: z.boolean(),
  creditLimit: z.number(),
  currentBalance: z.number(),
  openOrderAmt: z.number(),
  availableCredit: z.number().nullable().meta({ description: 'null when the customer has no credit limit' }),
  overLimit: z.boolean(),
  aging: z.object({ current: z.number(), days30: z.number(), days60: z.number(), days90: z.number() }),
  openInvoices: z.array(z.looseObject({ invoiceNo: z.string(), invoiceType: z.string(), balance: z.number(), invoiceDate: date, invoiceDueDate: date })),
});

/** A write's record plus what Sage said about it. */
export const written = <T extends z.ZodObject>(record: T) => record.extend({ warnings: warningsOutput });
export const created = <T extends z.ZodObject>(record: T) => record.extend({ warnings: warningsOutput, replayed: replayedOutput });
