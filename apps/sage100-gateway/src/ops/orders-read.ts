// Reading sales orders back: open tables first, then history (completed, cancelled and deleted orders).
import { orderTotal, type Row } from '@conduit/sage100-boi';
import type { GatewayContext } from '../context';
import { GatewayError } from '../http/errors';
import { toApi, type ApiRecord } from '../sage/records';
import { readRows } from './common';

export function orderSummary(ctx: GatewayContext, co: string, row: Row, source: 'open' | 'history'): ApiRecord {
  const table = source === 'open' ? 'SO_SalesOrderHeader' : 'SO_SalesOrderHistoryHeader';
  return { ...toApi(row, ctx.table(co, table).columns), customerKey: `${row.ARDivisionNo}-${row.CustomerNo}`, orderTotal: orderTotal(row), source };
}

export type OrderRecord = Record<string, unknown> & { lines: ApiRecord[]; source: 'open' | 'history' };

export async function loadOrder(ctx: GatewayContext, co: string, salesOrderNo: string): Promise<OrderRecord> {
  for (const source of ['open', 'history'] as const) {
    const [headerTable, detailTable] = source === 'open' ? ['SO_SalesOrderHeader', 'SO_SalesOrderDetail'] : ['SO_SalesOrderHistoryHeader', 'SO_SalesOrderHistoryDetail'];
    const [row] = await readRows(ctx, co, headerTable, { SalesOrderNo: salesOrderNo }, 1);
    if (!row) continue;
    const lines = await readRows(ctx, co, detailTable, { SalesOrderNo: salesOrderNo });
    return { ...orderSummary(ctx, co, row, source), source, lines: lines.map((l) => toApi(l, ctx.table(co, detailTable).columns)) };
  }
  throw new GatewayError('NOT_FOUND', `Sage 100: sales order ${salesOrderNo} is not on file.`);
}

/** Orders carrying an external reference, open or in history. */
export async function findByExternalId(ctx: GatewayContext, co: string, externalId: string): Promise<{ row: Row; source: 'open' | 'history' }[]> {
  const hasRef = (t: string) => ctx.table(co, t).columns.some((c) => c.name === 'UDF_EXT_REF');
  const open = hasRef('SO_SalesOrderHeader') ? await readRows(ctx, co, 'SO_SalesOrderHeader', { UDF_EXT_REF: externalId }) : [];
  const history = hasRef('SO_SalesOrderHistoryHeader') ? await readRows(ctx, co, 'SO_SalesOrderHistoryHeader', { UDF_EXT_REF: externalId }) : [];
  return [
    ...open.map((row) => ({ row, source: 'open' as const })),
    ...history.filter((h) => !open.some((o) => o.SalesOrderNo === h.SalesOrderNo)).map((row) => ({ row, source: 'history' as const })),
  ];
}
