// Items: get, search, price for a customer and quantity, availability per warehouse.
import { round, type BoiObject, type BoiRef, type Row } from '@conduit/sage100-boi';
import { z } from 'zod';
import type { GatewayContext } from '../context';
import { GatewayError } from '../http/errors';
import { route } from '../http/route';
import { check, getValue, inEdit, withObject, type Warning } from '../sage/boi';
import { toApi } from '../sage/records';
import { companyParams, customerOf, mustRead, page, pageQuery, readRows } from './common';
import { addLine, buildOrder } from './order-builder';
import { availabilityOut, itemList, itemOut, priceOut } from '../http/schemas';

const itemParams = companyParams.extend({ itemCode: z.string().min(1).max(30).describe('URL-encode codes with slashes, e.g. %2FFREIGHT') });
const code = (s: string) => s.trim().toUpperCase();

/** Available = on hand − on sales order − on back order (IM options vary; this is the common reading). */
function availability(row: Row) {
  const onHand = Number(row.QuantityOnHand);
  const committed = Number(row.QuantityOnSalesOrder) + Number(row.QuantityOnBackOrder);
  return { warehouseCode: row.WarehouseCode, quantityOnHand: onHand, quantityOnSalesOrder: row.QuantityOnSalesOrder, quantityOnBackOrder: row.QuantityOnBackOrder, quantityOnPurchaseOrder: row.QuantityOnPurchaseOrder, quantityAvailable: round(onHand - committed, 6) };
}

async function availabilityOf(ctx: GatewayContext, co: string, itemCode: string, warehouse?: string) {
  const rows = await readRows(ctx, co, 'IM_ItemWarehouse', warehouse ? { ItemCode: itemCode, WarehouseCode: warehouse } : { ItemCode: itemCode });
  const list = rows.map(availability);
  return { itemCode, warehouses: list, totalAvailable: round(list.reduce((s, w) => s + w.quantityAvailable, 0), 6) };
}

export const itemRoutes = [
  route({
    method: 'GET',
    path: '/v1/companies/:company/items/:itemCode',
    summary: 'Get an item (CI_Item)',
    response: itemOut,
    tag: 'items',
    params: itemParams,
    handler: async ({ params }, ctx) => ({ data: await mustRead(ctx, ctx.company(params.company), 'CI_Item', { ItemCode: code(params.itemCode) }, `item ${code(params.itemCode)}`) }),
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/items',
    summary: 'Search items by code or description; inactive items only when asked',
    response: itemList,
    tag: 'items',
    params: companyParams,
    query: z.strictObject({ q: z.string().optional(), includeInactive: z.stringbool().default(false), itemType: z.enum(['1', '3', '4', '5']).optional(), ...pageQuery }),
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      const q = query.q?.toLowerCase();
      const hit = (r: Row) => (query.includeInactive || r.InactiveItem !== 'Y') && (!query.itemType || r.ItemType === query.itemType) && (!q || `${r.ItemCode} ${r.ItemCodeDesc}`.toLowerCase().includes(q));
      const { rows, nextAfter } = await page(ctx, co, 'CI_Item', { limit: query.limit, after: query.after, filter: hit });
      return { data: { items: rows.map((r) => toApi(r, ctx.table(co, 'CI_Item').columns)), nextAfter } };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/items/:itemCode/price',
    summary: 'Price an item for a customer and quantity, as Sage would on an order line (dry run; uses up an order number)',
    response: priceOut,
    tag: 'items',
    params: itemParams,
    query: z.strictObject({ customer: z.string().describe('DD-CUSTNO'), quantity: z.coerce.number().positive().default(1), warehouseCode: z.string().optional() }),
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      const cust = customerOf(query.customer);
      const warnings: Warning[] = [];
      const tables = { header: ctx.table(co, 'SO_SalesOrderHeader'), detail: ctx.table(co, 'SO_SalesOrderDetail') };
      const data = await ctx.pool(co).use((session, setProgram) =>
        withObject(session, setProgram, { module: 'S/O', task: 'SO_SalesOrder_ui', object: 'SO_SalesOrder_bus', date: ctx.today() }, (so: BoiObject) => {
          const ref: BoiRef<string> = { value: '' };
          check(so, so.nGetNextSalesOrderNo(ref), { warnings, what: 'price' });
          return inEdit(so, () => {
            buildOrder(so, ref.value, { arDivisionNo: cust.ARDivisionNo, customerNo: cust.CustomerNo, orderType: 'Q', lines: [] }, tables, warnings);
            addLine(so, { itemCode: code(params.itemCode), quantityOrdered: query.quantity, ...(query.warehouseCode ? { warehouseCode: query.warehouseCode } : {}) }, 'item', tables, warnings);
            const line = so.oLines as BoiObject;
            line.nMoveFirst();
            const result = { itemCode: code(params.itemCode), customerKey: `${cust.ARDivisionNo}-${cust.CustomerNo}`, quantity: query.quantity, unitPrice: getValue(line, 'UnitPrice'), priceLevel: getValue(line, 'PriceLevel$'), extensionAmt: getValue(line, 'ExtensionAmt'), unitOfMeasure: getValue(line, 'UnitOfMeasure$') };
            so.nClear();
            return result;
          });
        }),
      );
      return { data, warnings: warnings.filter((w) => w.code !== 'CREDIT_HOLD') };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/items/:itemCode/availability',
    summary: 'Quantities per warehouse (IM_ItemWarehouse) and available = on hand − committed',
    response: availabilityOut,
    tag: 'items',
    params: itemParams,
    query: z.strictObject({ warehouseCode: z.string().optional() }),
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      await mustRead(ctx, co, 'CI_Item', { ItemCode: code(params.itemCode) }, `item ${code(params.itemCode)}`);
      return { data: await availabilityOf(ctx, co, code(params.itemCode), query.warehouseCode) };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/availability',
    summary: 'Availability for several items at once',
    response: z.object({ items: z.array(availabilityOut) }),
    tag: 'items',
    params: companyParams,
    query: z.strictObject({ items: z.string().min(1).describe('Comma-separated item codes (max 200)'), warehouseCode: z.string().optional() }),
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      const codes = query.items.split(',').map(code).filter(Boolean);
      if (codes.length > 200) throw new GatewayError('VALIDATION_FAILED', 'At most 200 items per call.', { status: 400, field: 'items' });
      return { data: { items: await Promise.all(codes.map((c) => availabilityOf(ctx, co, c, query.warehouseCode))) } };
    },
  }),
];
