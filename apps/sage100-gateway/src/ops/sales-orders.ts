// Sales orders: get, find, preview (build then nClear), create (atomic, idempotent), update, cancel.
import { normalizeDocumentNo, type BoiObject, type BoiRef } from '@conduit/sage100-boi';
import { z } from 'zod';
import type { GatewayContext } from '../context';
import { GatewayError } from '../http/errors';
import { route } from '../http/route';
import { check, getValue, inEdit, setFields, withObject, type Warning } from '../sage/boi';
import { toApi } from '../sage/records';
import { companyParams, customerOf, idempotencyHeader, idempotentCreate, page, pageQuery, readRows } from './common';
import { addLine, buildOrder, headerFields, lineSchema, lineUpdateSchema, orderInput, type BuildTables, type OrderInput } from './order-builder';
import { findByExternalId, loadOrder, orderSummary } from './orders-read';
import { orderList, orderOut, previewOut } from '../http/schemas';

const BUS = { module: 'S/O', task: 'SO_SalesOrder_ui', object: 'SO_SalesOrder_bus' };
const orderParams = companyParams.extend({ salesOrderNo: z.string().min(1).max(7) });

const tablesOf = (ctx: GatewayContext, co: string): BuildTables => ({ header: ctx.table(co, 'SO_SalesOrderHeader'), detail: ctx.table(co, 'SO_SalesOrderDetail') });

function nextOrderNo(so: BoiObject, warnings: Warning[]): string {
  const ref: BoiRef<string> = { value: '' };
  check(so, so.nGetNextSalesOrderNo(ref), { warnings, what: 'next sales order number' });
  return ref.value;
}

/** Runs build + (write | preview) on one pooled session. */
function withOrder<T>(ctx: GatewayContext, co: string, fn: (so: BoiObject) => T): Promise<T> {
  return ctx.pool(co).use((session, setProgram) => withObject(session, setProgram, { ...BUS, date: ctx.today() }, fn));
}

/** Reads the in-memory order out of the BOI object: header columns, then each staged line. */
function readPending(ctx: GatewayContext, co: string, so: BoiObject) {
  const { header, detail } = tablesOf(ctx, co);
  const row = Object.fromEntries(header.columns.map((c) => [c.name, getValue(so, c.type === 'N' ? c.name : `${c.name}$`)]));
  const lines = [];
  const l = so.oLines as BoiObject;
  for (let r = l.nMoveFirst(); r === 1; r = l.nMoveNext()) lines.push(toApi(Object.fromEntries(detail.columns.map((c) => [c.name, getValue(l, c.type === 'N' ? c.name : `${c.name}$`)])), detail.columns));
  return { ...orderSummary(ctx, co, row, 'open'), lines };
}

export const salesOrderRoutes = [
  route({
    method: 'GET',
    path: '/v1/companies/:company/sales-orders/:salesOrderNo',
    summary: 'Get a sales order or quote with lines (open, else from history with its history status)',
    response: orderOut,
    tag: 'sales-orders',
    params: orderParams,
    handler: async ({ params }, ctx) => ({ data: await loadOrder(ctx, ctx.company(params.company), normalizeDocumentNo(params.salesOrderNo)) }),
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/sales-orders',
    summary: 'Find sales orders by external reference, by customer PO, or list a customer\'s open orders',
    response: orderList,
    tag: 'sales-orders',
    params: companyParams,
    query: z.strictObject({ externalId: z.string().optional(), customerPONo: z.string().optional(), customer: z.string().optional().describe('DD-CUSTNO'), ...pageQuery }),
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      if (query.externalId) {
        const rows = await findByExternalId(ctx, co, query.externalId);
        return { data: { items: rows.map(({ row, source }) => orderSummary(ctx, co, row, source)), nextAfter: null } };
      }
      const customer = query.customer ? customerOf(query.customer) : null;
      const po = query.customerPONo;
      const where = customer ? (po !== undefined ? { ...customer, CustomerPONo: po } : customer) : undefined;
      const { rows, nextAfter } = await page(ctx, co, 'SO_SalesOrderHeader', { limit: query.limit, after: query.after, ...(where ? { where } : {}), filter: (r) => po === undefined || r.CustomerPONo === po });
      return { data: { items: rows.map((r) => orderSummary(ctx, co, r, 'open')), nextAfter } };
    },
  }),
  route({
    method: 'POST',
    path: '/v1/companies/:company/sales-orders/preview',
    summary: 'Price and total an order without saving it (built in SO_SalesOrder_bus, then nClear; uses up an order number)',
    response: previewOut,
    tag: 'sales-orders',
    params: companyParams,
    body: orderInput.omit({ externalId: true }),
    handler: async ({ params, body }, ctx) => {
      const co = ctx.company(params.company);
      const warnings: Warning[] = [];
      const data = await withOrder(ctx, co, (so) => {
        const no = nextOrderNo(so, warnings);
        return inEdit(so, () => {
          buildOrder(so, no, body, tablesOf(ctx, co), warnings);
          const pending = readPending(ctx, co, so);
          so.nClear();
          return { ...pending, salesOrderNo: null, preview: true };
        });
      });
      return { data, warnings };
    },
  }),
  route({
    method: 'POST',
    path: '/v1/companies/:company/sales-orders',
    summary: 'Create a sales order or quote with lines: all lines or nothing; idempotent by Idempotency-Key or externalId',
    response: orderOut,
    tag: 'sales-orders',
    status: 201,
    params: companyParams,
    body: orderInput,
    handler: async (input, ctx) => {
      const co = ctx.company(input.params.company);
      const { externalId, ...order } = input.body;
      const key = idempotencyHeader(input) ?? externalId;
      const extRef = externalId ?? key;
      const withRef = ctx.table(co, 'SO_SalesOrderHeader').columns.some((c) => c.name === 'UDF_EXT_REF');
      return idempotentCreate(ctx, {
        company: co,
        operation: 'sales-order.create',
        key,
        body: input.body,
        findExisting: async () => (withRef && extRef ? (((await findByExternalId(ctx, co, extRef))[0]?.row.SalesOrderNo as string | undefined) ?? null) : null),
        create: () => createOrder(ctx, co, { ...order, ...(withRef && extRef ? { extRef } : {}) }),
        load: (no) => loadOrder(ctx, co, no),
      });
    },
  }),
  route({
    method: 'PATCH',
    path: '/v1/companies/:company/sales-orders/:salesOrderNo',
    summary: 'Update header fields and add, change or remove lines, in one write',
    response: orderOut,
    tag: 'sales-orders',
    params: orderParams,
    body: z.strictObject({ ...headerFields, addLines: z.array(lineSchema).max(500).optional(), updateLines: z.array(lineUpdateSchema).max(500).optional(), removeLines: z.array(z.string()).max(500).optional() }),
    handler: async ({ params, body }, ctx) => {
      const co = ctx.company(params.company);
      const no = normalizeDocumentNo(params.salesOrderNo);
      const warnings: Warning[] = [];
      await withOrder(ctx, co, (so) => updateOrder(so, no, body, tablesOf(ctx, co), warnings));
      return { data: await loadOrder(ctx, co, no), warnings };
    },
  }),
  route({
    method: 'POST',
    path: '/v1/companies/:company/sales-orders/:salesOrderNo/cancel',
    summary: 'Cancel (delete) an open order or quote; it stays in history as X (order) or Z (quote). Repeating is harmless.',
    response: orderOut,
    tag: 'sales-orders',
    params: orderParams,
    handler: async ({ params }, ctx) => {
      const co = ctx.company(params.company);
      const no = normalizeDocumentNo(params.salesOrderNo);
      const [open] = await readRows(ctx, co, 'SO_SalesOrderHeader', { SalesOrderNo: no }, 1);
      if (open) await withOrder(ctx, co, (so) => check(so, so.nDelete(no), { warnings: [], what: `cancel sales order ${no}` }));
      const order = await loadOrder(ctx, co, no);
      if (order.source === 'history' && !['X', 'Z'].includes(String(order.orderStatus)))
        throw new GatewayError('VALIDATION_FAILED', `Sage 100: sales order ${no} is completed and cannot be cancelled.`, { status: 409 });
      return { data: order };
    },
  }),
];

async function createOrder(ctx: GatewayContext, co: string, order: OrderInput) {
  const warnings: Warning[] = [];
  const resultKey = await withOrder(ctx, co, (so) => {
    const no = nextOrderNo(so, warnings);
    inEdit(so, () => {
      buildOrder(so, no, order, tablesOf(ctx, co), warnings);
      check(so, so.nWrite(), { warnings, what: `sales order ${no}` });
    });
    return no;
  });
  return { resultKey, warnings };
}

function updateOrder(so: BoiObject, no: string, body: Record<string, unknown>, tables: BuildTables, warnings: Warning[]): void {
  const what = `update sales order ${no}`;
  const r = check(so, so.nSetKey(no), { warnings, what });
  if (r === 2) {
    so.nClear();
    throw new GatewayError('NOT_FOUND', `Sage 100: sales order ${no} is not open.`);
  }
  const { addLines, updateLines, removeLines, shipToCode, ...fields } = body as { addLines?: OrderInput['lines']; updateLines?: z.infer<typeof lineUpdateSchema>[]; removeLines?: string[]; shipToCode?: string };
  inEdit(so, () => {
    if (shipToCode !== undefined) check(so, so.nSetValue('ShipToCode$', shipToCode), { warnings, what, field: 'shipToCode' });
    setFields(so, tables.header, fields, { warnings, what });
    const lines = so.oLines as BoiObject & { nEditLine(k: string): number };
    const ctx = { warnings, what, code: 'PARTIAL_LINES_REJECTED' as const };
    for (const [i, k] of (removeLines ?? []).entries()) {
      check(lines, lines.nEditLine(k), { ...ctx, field: `removeLines[${i}]` });
      check(lines, lines.nDelete(), { ...ctx, field: `removeLines[${i}]` });
    }
    for (const [i, { lineKey, itemCode, ...rest }] of (updateLines ?? []).entries()) {
      check(lines, lines.nEditLine(lineKey), { ...ctx, field: `updateLines[${i}].lineKey` });
      if (itemCode) check(lines, lines.nSetValue('ItemCode$', itemCode), { ...ctx, field: `updateLines[${i}].itemCode` });
      setFields(lines, tables.detail, rest, { ...ctx, prefix: `updateLines[${i}].` });
      check(lines, lines.nWrite(), { ...ctx, field: `updateLines[${i}]` });
    }
    (addLines ?? []).forEach((line, i) => addLine(so, line, `addLines[${i}]`, tables, warnings));
    check(so, so.nWrite(), { warnings, what });
  });
}
