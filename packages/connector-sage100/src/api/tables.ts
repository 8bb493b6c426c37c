// The gateway's table catalogue (what ODBC would show): layouts with key columns, UDFs included.
import type { HttpClient } from '@conduit/connector-kit';
import type { Sage100Auth } from '../auth';
import { callGateway } from './gateway';

export interface TableLayout {
  name: string;
  key: string[];
  columns: { name: string; type: 'S' | 'N' | 'D' | 'Y'; length: number; scale: number }[];
  /** Has DateUpdated/TimeUpdated, so the change feed can poll it. */
  stamped: boolean;
}

export async function tableLayouts(ctx: { http: HttpClient; auth: Sage100Auth }): Promise<TableLayout[]> {
  return (await callGateway<{ items: TableLayout[] }>(ctx, { path: 'tables', subject: { type: 'company', key: ctx.auth.company }, what: `table list of company ${ctx.auth.company}` })).data.items;
}

/** The gateway's record field for a Sage column: `ARDivisionNo` → `arDivisionNo`, `FOB` → `fob`, `UDF_X` → `udf.X`. */
export function apiPath(column: string): string {
  if (column.startsWith('UDF_')) return `udf.${column.slice(4)}`;
  const run = /^[A-Z]+/.exec(column)?.[0] ?? '';
  if (run.length === column.length) return column.toLowerCase();
  const head = run.length > 1 ? run.slice(0, -1) : run;
  return head.toLowerCase() + column.slice(head.length);
}
