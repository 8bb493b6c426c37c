// Generic reads over the allowlisted tables (what ODBC would give): catalogue, key lists with row hashes
// for reconciliation (deletes, stamp-less updates), and snapshots in key order.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { route } from '../http/route';
import { toApi } from '../sage/records';
import { companyParams, page, pageQuery } from './common';
import { keysOut, rowsOut, tablesOut } from '../http/schemas';

const tableParams = companyParams.extend({ table: z.string() });

export const tableRoutes = [
  route({
    method: 'GET',
    path: '/v1/companies/:company/tables',
    summary: 'Readable tables with key columns, column layouts and whether the change feed can poll them',
    response: tablesOut,
    tag: 'sync',
    params: companyParams,
    handler: async ({ params }, ctx) => ({ data: { items: ctx.tables(ctx.company(params.company)) } }),
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/tables/:table/keys',
    summary: 'Every primary key with a hash of the row: diff against your copy to find deletes and stamp-less changes',
    response: keysOut,
    tag: 'sync',
    params: tableParams,
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(50_000).default(10_000), after: z.string().optional() }),
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      const info = ctx.table(co, params.table);
      const { rows, nextAfter } = await page(ctx, co, info.name, { limit: query.limit, after: query.after });
      const items = rows.map((r) => ({ key: info.key.map((k) => r[k]), hash: createHash('sha1').update(JSON.stringify(info.columns.map((c) => r[c.name]))).digest('base64url').slice(0, 16) }));
      return { data: { table: info.name, keyColumns: info.key, items, nextAfter } };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/companies/:company/tables/:table/rows',
    summary: 'Snapshot rows in key order (paged)',
    response: rowsOut,
    tag: 'sync',
    params: tableParams,
    query: z.strictObject(pageQuery),
    handler: async ({ params, query }, ctx) => {
      const co = ctx.company(params.company);
      const info = ctx.table(co, params.table);
      const { rows, nextAfter } = await page(ctx, co, info.name, { limit: query.limit, after: query.after });
      return { data: { table: info.name, items: rows.map((r) => toApi(r, info.columns)), nextAfter } };
    },
  }),
];
