// The emulator's control API (/__emulator): faults, clock, moving documents forward, stock, stamp-less bulk
// updates, options. Mounted only when the gateway runs on the emulator, and answered only over loopback.
import { bulkUpdate, invoiceOrder, NO_FAULTS, parseCustomerKey, postCashReceipt, purgeRows, setStock, shipOrder, type Company, type Sage100Emulator } from '@conduit/sage100-boi';
import { z } from 'zod';
import type { GatewayContext } from '../context';
import { GatewayError } from '../http/errors';
import { route, type RouteDef } from '../http/route';
import { toApi } from '../sage/records';

const value = z.union([z.string(), z.number()]);
const coParams = z.strictObject({ company: z.string() });

export const faultsSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  sessionLossMidOrder: z.number().int().min(0).optional().describe('The next N orders lose their session while adding lines'),
  timeoutAfterCommit: z.number().int().min(0).optional().describe('The next N order writes commit, then time out'),
  stamplessWrites: z.boolean().optional().describe('Writes skip DateUpdated/TimeUpdated (Visual Integrator style)'),
  licencesAvailable: z.number().int().min(0).nullable().optional().describe('Licence exhaustion: licences left for new logons (null = unlimited)'),
});

export type AdvanceStep = 'shipped' | 'invoiced' | 'paid';

/** open → shipped → invoiced → paid, one step per call unless `to` names a later step. */
function advance(emu: Sage100Emulator, co: Company, orderNo: string, to?: AdvanceStep): { step: AdvanceStep; invoiceNo?: string } {
  const open = co.table('SO_SalesOrderHeader').get(co.table('SO_SalesOrderHeader').keyOf([orderNo]));
  const hist = co.table('SO_SalesOrderHistoryHeader').get(co.table('SO_SalesOrderHistoryHeader').keyOf([orderNo]));
  if (open) {
    const shipped = co.table('SO_SalesOrderDetail').find('byOrder', [orderNo]).some((l) => Number(l.QuantityShipped) > 0);
    if (!shipped && to !== 'invoiced' && to !== 'paid') {
      shipOrder(emu, co, orderNo);
      return { step: 'shipped' };
    }
    const invoiceNo = invoiceOrder(emu, co, orderNo);
    return to === 'paid' ? advance(emu, co, orderNo, 'paid') : { step: 'invoiced', invoiceNo };
  }
  const invoiceNo = hist?.OrderStatus === 'C' ? String(hist.LastInvoiceOrderNo) : '';
  const inv = co.table('AR_OpenInvoice').find('byCustomer', [hist?.ARDivisionNo ?? '', hist?.CustomerNo ?? '']).find((i) => i.InvoiceNo === invoiceNo);
  if (!hist || !inv) throw new GatewayError('NOT_FOUND', `Sales order ${orderNo} is neither open nor invoiced.`);
  if (Number(inv.Balance) <= 0) throw new GatewayError('VALIDATION_FAILED', `Invoice ${invoiceNo} is already paid.`, { status: 409 });
  postCashReceipt(emu, co, { arDivisionNo: String(hist.ARDivisionNo), customerNo: String(hist.CustomerNo), amount: Number(inv.Balance), invoiceNo });
  return { step: 'paid', invoiceNo };
}

export function emulatorRoutes(emu: Sage100Emulator, reseed: () => void): RouteDef[] {
  const company = (code: string) => {
    const co = emu.companies.get(code.toUpperCase());
    if (!co) throw new GatewayError('NOT_FOUND', `Company ${code} is not on file.`);
    return co;
  };
  const wrap = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof GatewayError) throw err;
      throw new GatewayError('VALIDATION_FAILED', (err as Error).message, { sageMessage: (err as Error).message });
    }
  };
  const clockState = () => ({ now: emu.clock.now().toISOString(), serverLocal: emu.clock.local().toISOString().slice(0, 19), utcOffsetMinutes: emu.clock.utcOffsetMinutes });
  const tag = 'emulator';
  return [
    route({ method: 'GET', path: '/__emulator/state', summary: 'Companies, row counts, faults and clock', tag, handler: async () => ({ data: { faults: emu.faults, clock: clockState(), companies: [...emu.companies.values()].map((c) => ({ code: c.code, name: c.name, options: c.options, counters: c.counters, rows: Object.fromEntries([...c.tables].map(([n, t]) => [n, t.size])) })) } }) }),
    route({ method: 'PUT', path: '/__emulator/faults', summary: 'Set fault injection (merged into the current faults)', tag, body: faultsSchema, handler: async ({ body }) => ({ data: Object.assign(emu.faults, body) }) }),
    route({
      method: 'DELETE',
      path: '/__emulator/faults',
      summary: 'Clear every fault and phantom lock',
      tag,
      handler: async () => {
        emu.faults = { ...NO_FAULTS };
        emu.releasePhantomLocks();
        return { data: emu.faults };
      },
    }),
    route({
      method: 'POST',
      path: '/__emulator/companies/:company/locks',
      summary: 'Lock contention: another Sage user holds a record for N seconds',
      tag,
      params: coParams,
      body: z.strictObject({ table: z.string(), key: z.array(z.string()).min(1).describe('Key values in key order, e.g. ["01","ABF"]'), seconds: z.number().positive().max(3600), user: z.string().optional() }),
      handler: async ({ params, body }) => {
        const co = company(params.company);
        emu.holdLock({ company: co.code, table: body.table, key: co.table(body.table).keyOf(body.key), seconds: body.seconds, ...(body.user ? { user: body.user } : {}) });
        return { data: { locked: true } };
      },
    }),
    route({
      method: 'POST',
      path: '/__emulator/clock',
      summary: 'Set or advance the Sage server clock (audit stamps, default dates)',
      tag,
      body: z.strictObject({ set: z.iso.datetime({ offset: true }).optional(), advanceSeconds: z.number().optional(), utcOffsetMinutes: z.number().int().min(-720).max(840).optional() }),
      handler: async ({ body }) => {
        if (body.set) emu.clock.set(new Date(body.set));
        if (body.advanceSeconds) emu.clock.advance(body.advanceSeconds * 1000);
        if (body.utcOffsetMinutes !== undefined) emu.clock.utcOffsetMinutes = body.utcOffsetMinutes;
        return { data: clockState() };
      },
    }),
    route({
      method: 'GET',
      path: '/__emulator/companies/:company/tables/:table',
      summary: 'Raw rows of any table, for the demo page',
      tag,
      params: coParams.extend({ table: z.string() }),
      query: z.strictObject({ limit: z.coerce.number().int().min(1).max(5000).default(500), where: z.string().optional().describe('JSON object of column equality filters') }),
      handler: async ({ params, query }) => {
        const t = company(params.company).table(params.table);
        const where = Object.entries(wrap(() => (query.where ? (JSON.parse(query.where) as Record<string, unknown>) : {})));
        const rows = [...t.scan()].filter((r) => where.every(([k, v]) => r[k] === v)).slice(-query.limit);
        return { data: { items: rows.map((r) => toApi(r, t.def.columns)), total: t.size } };
      },
    }),
    route({
      method: 'POST',
      path: '/__emulator/companies/:company/orders/:salesOrderNo/advance',
      summary: 'Move an order forward: open → shipped → invoiced (sales journal posted) → paid (cash receipt)',
      tag,
      params: coParams.extend({ salesOrderNo: z.string() }),
      body: z.strictObject({ to: z.enum(['shipped', 'invoiced', 'paid']).optional() }).optional(),
      handler: async ({ params, body }) => ({ data: wrap(() => advance(emu, company(params.company), params.salesOrderNo.padStart(7, '0'), body?.to)) }),
    }),
    route({
      method: 'POST',
      path: '/__emulator/companies/:company/cash-receipts',
      summary: 'Post a cash receipt, applied to the named invoice or the oldest open ones',
      tag,
      params: coParams,
      body: z.strictObject({ customer: z.string(), amount: z.number().positive(), invoiceNo: z.string().optional(), checkNo: z.string().optional() }),
      handler: async ({ params, body }) => {
        const key = parseCustomerKey(body.customer);
        return { data: wrap(() => postCashReceipt(emu, company(params.company), { arDivisionNo: key.arDivisionNo, customerNo: key.customerNo, amount: body.amount, ...(body.invoiceNo ? { invoiceNo: body.invoiceNo } : {}), ...(body.checkNo ? { checkNo: body.checkNo } : {}) })) };
      },
    }),
    route({
      method: 'POST',
      path: '/__emulator/companies/:company/stock',
      summary: 'Set or adjust on-hand quantity (no audit stamp, like a posted adjustment)',
      tag,
      params: coParams,
      body: z.strictObject({ itemCode: z.string(), warehouseCode: z.string(), quantityOnHand: z.number().optional(), adjustBy: z.number().optional() }),
      handler: async ({ params, body }) => {
        const t = company(params.company).table('IM_ItemWarehouse');
        return { data: toApi(wrap(() => setStock(emu, company(params.company), { ...body, itemCode: body.itemCode.toUpperCase() })), t.def.columns) };
      },
    }),
    route({
      method: 'POST',
      path: '/__emulator/companies/:company/bulk-update',
      summary: 'Stamp-less bulk update (Visual Integrator style): values change, DateUpdated/TimeUpdated do not',
      tag,
      params: coParams,
      body: z.strictObject({ table: z.string(), where: z.record(z.string(), value), set: z.record(z.string(), value) }),
      handler: async ({ params, body }) => ({ data: { updated: wrap(() => bulkUpdate(emu, company(params.company), body)) } }),
    }),
    route({
      method: 'POST',
      path: '/__emulator/companies/:company/purge',
      summary: 'Delete rows outright (leaves nothing for stamp polling)',
      tag,
      params: coParams,
      body: z.strictObject({ table: z.string(), where: z.record(z.string(), value) }),
      handler: async ({ params, body }) => ({ data: { deleted: wrap(() => purgeRows(emu, company(params.company), body)) } }),
    }),
    route({
      method: 'PATCH',
      path: '/__emulator/companies/:company/options',
      summary: 'Company options: credit policy, duplicate-PO check, history, zip validation, external access, required fields, UDFs',
      tag,
      params: coParams,
      body: z.strictObject({
        creditPolicy: z.enum(['ignore', 'warn', 'hold', 'reject']).optional(),
        duplicatePoCheck: z.boolean().optional(),
        retainHistory: z.boolean().optional(),
        validateZipCodes: z.boolean().optional(),
        allowExternalAccess: z.boolean().optional(),
        requiredFields: z.record(z.string(), z.array(z.string())).optional(),
        udfs: z.record(z.string(), z.array(z.string().regex(/^UDF_[A-Z0-9_]+:[SNDY]\d+(\.\d+)?$/))).optional(),
      }),
      handler: async ({ params, body }, ctx: GatewayContext) => {
        const co = company(params.company);
        Object.assign(co.options, body);
        co.rebuildDefs();
        ctx.reset();
        emu.changed();
        return { data: co.options };
      },
    }),
    route({
      method: 'POST',
      path: '/__emulator/reset',
      summary: 'Throw away all data and reseed the demo company',
      tag,
      handler: async (_input, ctx: GatewayContext) => {
        reseed();
        ctx.reset();
        return { data: { reset: true } };
      },
    }),
  ];
}
