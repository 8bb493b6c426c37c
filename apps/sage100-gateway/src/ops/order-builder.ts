// Builds a sales order inside SO_SalesOrder_bus exactly as the reference's canonical flow: header (customer
// first, so its defaults load), then each line (ItemCode$ first), checking every return code. Any refused
// line aborts the whole order — the caller nClear()s — so a partial order can never be written.
import { normalizeCustomerNo, normalizeDivision, TABLES, type BoiObject, type TableInfo } from '@conduit/sage100-boi';
import { z } from 'zod';
import { GatewayError } from '../http/errors';
import { check, setFields, type Warning } from '../sage/boi';
import { columnsSchema, udfSchema } from '../sage/records';

const header = TABLES.get('SO_SalesOrderHeader')?.columns ?? [];
const detail = TABLES.get('SO_SalesOrderDetail')?.columns ?? [];

const HEADER_FIELDS = `OrderDate ShipExpireDate CustomerPONo ShipToName ShipToAddress1 ShipToAddress2 ShipToAddress3 ShipToCity ShipToState
  ShipToZipCode ShipToCountryCode ShipVia FOB WarehouseCode ConfirmTo Comment EmailAddress TermsCode SalespersonDivisionNo SalespersonNo
  PaymentType FreightAmt DiscountRate DiscountAmt TaxExemptNo`.split(/\s+/);
const LINE_FIELDS = 'QuantityOrdered UnitPrice WarehouseCode ItemCodeDesc LineDiscountPercent CommentText PromiseDate UnitOfMeasure'.split(/\s+/);

export const headerFields = { shipToCode: z.string().optional().describe('Loads that ship-to address; explicit shipTo* fields override it'), udf: udfSchema, ...columnsSchema(header, HEADER_FIELDS) };
export const lineSchema = z.strictObject({ itemCode: z.string().min(1), ...columnsSchema(detail, LINE_FIELDS) });
export const lineUpdateSchema = z.strictObject({ lineKey: z.string().min(1), itemCode: z.string().min(1).optional(), ...columnsSchema(detail, LINE_FIELDS) });

export const orderInput = z.strictObject({
  arDivisionNo: z.string(),
  customerNo: z.string().min(1),
  orderType: z.enum(['S', 'B', 'Q']).optional().describe('S standard (default), B back order, Q quote'),
  externalId: z.string().min(1).optional().describe('Stored in UDF_EXT_REF; a repeated create returns the first order'),
  ...headerFields,
  lines: z.array(lineSchema).min(1).max(500),
});
/** Column fields are generated from the table layout, so their names are not known to the type system. */
export type LineInput = { itemCode: string } & Record<string, unknown>;
export interface OrderInput {
  arDivisionNo: string;
  customerNo: string;
  orderType?: 'S' | 'B' | 'Q';
  shipToCode?: string;
  udf?: Record<string, string | number>;
  /** UDF_EXT_REF value (the caller's external id). */
  extRef?: string;
  lines: LineInput[];
  [field: string]: unknown;
}

export interface BuildTables {
  header: TableInfo;
  detail: TableInfo;
}

/** Adds one line; a refusal anywhere on it is PARTIAL_LINES_REJECTED naming the line. */
export function addLine(so: BoiObject, line: LineInput, at: string, tables: BuildTables, warnings: Warning[]): void {
  const lines = so.oLines as BoiObject & { nAddLine(): number };
  const what = `${at} (${line.itemCode})`;
  const ctx = { warnings, what, code: 'PARTIAL_LINES_REJECTED' as const };
  check(lines, lines.nAddLine(), ctx);
  const { itemCode, ...rest } = line;
  check(lines, lines.nSetValue('ItemCode$', itemCode), { ...ctx, field: `${at}.itemCode` });
  setFields(lines, tables.detail, rest, { ...ctx, prefix: `${at}.` });
  check(lines, lines.nWrite(), { ...ctx, field: at });
}

/** Positions a new order number and sets header and lines; the caller decides to nWrite (create) or nClear (preview). */
export function buildOrder(so: BoiObject, orderNo: string, input: OrderInput, tables: BuildTables, warnings: Warning[]): void {
  const what = `sales order for customer ${normalizeDivision(input.arDivisionNo)}-${normalizeCustomerNo(input.customerNo)}`;
  check(so, so.nSetKeyValue('SalesOrderNo$', orderNo), { warnings, what });
  if (check(so, so.nSetKey(), { warnings, what }) !== 2) throw new GatewayError('DUPLICATE', `Sales order ${orderNo} already exists.`);
  const { arDivisionNo, customerNo, orderType, shipToCode, lines, extRef, udf, ...fields } = input;
  if (orderType) check(so, so.nSetValue('OrderType$', orderType), { warnings, what, field: 'orderType' });
  check(so, so.nSetValue('ARDivisionNo$', arDivisionNo), { warnings, what, field: 'arDivisionNo' });
  check(so, so.nSetValue('CustomerNo$', customerNo), { warnings, what, field: 'customerNo' });
  if (shipToCode !== undefined) check(so, so.nSetValue('ShipToCode$', shipToCode), { warnings, what, field: 'shipToCode' });
  setFields(so, tables.header, { ...fields, udf: extRef ? { ...udf, EXT_REF: extRef } : udf }, { warnings, what });
  lines.forEach((line, i) => addLine(so, line, `lines[${i}]`, tables, warnings));
}
