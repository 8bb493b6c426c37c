// Posted documents since a point in time: A/R invoices (with lines) and cash receipts.
import { normalizeDocumentNo } from '@conduit/sage100-boi';
import { z } from 'zod';
import type { GatewayContext } from '../context';
import { GatewayError } from '../http/errors';
import { route } from '../http/route';
import { toApi } from '../sage/records';
import { localIso, parseSince, rowStamp, stampedSince } from '../sage/stamps';
import { companyParams, customerOf, readRows } from './common';
import { invoiceOut, receiptOut, sinceList } from '../http/schemas';

const sinceQuery = z.strictObject({ since: z.string().describe('ISO date or date-time; without a zone it is Sage server time'), customer: z.string().optional().describe('DD-CUSTNO'), limit: z.coerce.number().int().min(1).max(1000).default(200) });

async function invoiceWithLines(ctx: GatewayContext, co: string, header: Record<string, string | number>) {
  const lines = await readRows(ctx, co, 'AR_InvoiceHistoryDetail', { InvoiceNo: header.InvoiceNo ?? '', HeaderSeqNo: header.HeaderSeqNo ?? '' });
  const record = toApi(header, ctx.table(co, 'AR_InvoiceHistoryHeader').columns);
  const total = Number(header.TaxableSalesAmt) + Number(header.NonTaxableSalesAmt) + Number(header.SalesTaxAmt) + Number(header.FreightAmt) - Number(header.DiscountAmt);
  return { ...record, customerKey: `${header.ARDivisionNo}-${header.CustomerNo}`, invoiceTotal: Math.round(total * 100) / 100, lines: lines.map((l) => toApi(l, ctx.table(co, 'AR_InvoiceHistoryDetail').columns)) };
}

export const documentRoutes = [
  route({
    method: 'GET',
    path: '/v1/companies/:company/invoices',
    summary: 'Posted A/R invoices (AR_InvoiceHistoryHeader + lines) updated since a point in time, oldest first',
    response: sinceList(invoiceOut),
    tag: 'documents',
    params: companyParams,
    query: sinceQuery,
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      const rows = (await stampedSince(ctx, co, 'AR_InvoiceHistoryHeader', parseSince(ctx, query.since), query.customer ? customerOf(query.customer) : undefined)).slice(0, query.limit);
      return { data: { items: await Promise.all(rows.map((r) => invoiceWithLines(ctx, co, r))), highWaterMark: rows.length ? localIso(rowStamp(rows[rows.length - 1] ?? {})) : null } };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/invoices/:invoiceNo',
    summary: 'Get a posted invoice with lines',
    response: invoiceOut,
    tag: 'documents',
    params: companyParams.extend({ invoiceNo: z.string().min(1) }),
    handler: async ({ params }, ctx) => {
      const co = ctx.company(params.company);
      const no = normalizeDocumentNo(params.invoiceNo);
      const [row] = await readRows(ctx, co, 'AR_InvoiceHistoryHeader', { InvoiceNo: no }, 1);
      if (!row) throw new GatewayError('NOT_FOUND', `Sage 100: invoice ${no} is not on file.`);
      return { data: await invoiceWithLines(ctx, co, row) };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/cash-receipts',
    summary: 'Posted cash receipts (AR_CashReceiptsHistory, one row per invoice applied) since a point in time',
    response: sinceList(receiptOut),
    tag: 'documents',
    params: companyParams,
    query: sinceQuery,
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      const rows = (await stampedSince(ctx, co, 'AR_CashReceiptsHistory', parseSince(ctx, query.since), query.customer ? customerOf(query.customer) : undefined)).slice(0, query.limit);
      const cols = ctx.table(co, 'AR_CashReceiptsHistory').columns;
      return { data: { items: rows.map((r) => ({ ...toApi(r, cols), customerKey: `${r.ARDivisionNo}-${r.CustomerNo}` })), highWaterMark: rows.length ? localIso(rowStamp(rows[rows.length - 1] ?? {})) : null } };
    },
  }),
];
