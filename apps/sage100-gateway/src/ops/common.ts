// Shared pieces of the operation handlers: path parameters, keyed reads, paging and idempotent creates.
import { formatCustomerKey, parseCustomerKey, type Row, type Value } from '@conduit/sage100-boi';
import { z } from 'zod';
import type { GatewayContext } from '../context';
import { GatewayError } from '../http/errors';
import type { Input, Result } from '../http/route';
import { requestHash } from '../ledger';
import { toApi, type ApiRecord } from '../sage/records';

export const companyParams = z.strictObject({ company: z.string().regex(/^[A-Za-z0-9]{3}$/, 'company code is 3 characters') });
export const customerParams = companyParams.extend({ customerKey: z.string().min(1).max(23).describe('Display form DD-CUSTNO, e.g. 01-ABF') });
export const pageQuery = { limit: z.coerce.number().int().min(1).max(1000).default(100), after: z.string().optional().describe('Opaque position from nextAfter') };

export function customerOf(key: string): { ARDivisionNo: string; CustomerNo: string } {
  const k = parseCustomerKey(key);
  return { ARDivisionNo: k.arDivisionNo, CustomerNo: k.customerNo };
}

export async function readRows(ctx: GatewayContext, company: string, table: string, where: Row, limit?: number): Promise<Row[]> {
  return ctx.reader(company).select({ table, where, ...(limit ? { limit } : {}) });
}

export async function readRecord(ctx: GatewayContext, company: string, table: string, where: Row): Promise<ApiRecord | null> {
  const [row] = await readRows(ctx, company, table, where, 1);
  return row ? toApi(row, ctx.table(company, table).columns) : null;
}

export async function mustRead(ctx: GatewayContext, company: string, table: string, where: Row, what: string): Promise<ApiRecord> {
  const r = await readRecord(ctx, company, table, where);
  if (!r) throw new GatewayError('NOT_FOUND', `Sage 100: ${what} is not on file.`);
  return r;
}

export async function customerRecord(ctx: GatewayContext, company: string, key: { ARDivisionNo: string; CustomerNo: string }): Promise<ApiRecord> {
  const r = await mustRead(ctx, company, 'AR_Customer', key, `customer ${formatCustomerKey({ arDivisionNo: key.ARDivisionNo, customerNo: key.CustomerNo })}`);
  return { ...r, customerKey: `${key.ARDivisionNo}-${key.CustomerNo}` };
}

function decodeAfter(text: string): Value[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString());
    if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v;
  } catch {
    // reported below
  }
  throw new GatewayError('VALIDATION_FAILED', 'after is not a position this gateway issued.', { status: 400, field: 'after' });
}

/** Key-order paging over a table: `after` is the last row's key values, JSON in base64url. */
export async function page(ctx: GatewayContext, company: string, table: string, opts: { limit: number; after?: string; where?: Row; filter?: (row: Row) => boolean }): Promise<{ rows: Row[]; nextAfter: string | null }> {
  const info = ctx.table(company, table);
  let after = opts.after ? decodeAfter(opts.after) : undefined;
  const rows: Row[] = [];
  // Filtering happens here (ODBC has no LIKE on ProvideX worth trusting), so read in chunks until the page fills.
  for (;;) {
    const chunk = await ctx.reader(company).select({ table, ...(opts.where ? { where: opts.where } : {}), ...(after ? { after } : {}), limit: 500 });
    for (const row of chunk) {
      after = info.key.map((k) => row[k] ?? '');
      if (!opts.filter || opts.filter(row)) rows.push(row);
      if (rows.length === opts.limit) return { rows, nextAfter: Buffer.from(JSON.stringify(after)).toString('base64url') };
    }
    if (chunk.length < 500) return { rows, nextAfter: null };
  }
}

export const idempotencyHeader = (input: Input<unknown, unknown, unknown>): string | undefined => {
  const h = input.headers['idempotency-key'];
  return typeof h === 'string' && h.length > 0 ? h : undefined;
};

/**
 * Runs a create once per caller key. Order of checks: the ledger (first result), then the UDF external
 * reference in Sage (a create whose response was lost), then the create itself.
 */
export async function idempotentCreate(
  ctx: GatewayContext,
  opts: { company: string; operation: string; key: string | undefined; body: unknown; findExisting: () => Promise<string | null>; create: () => Promise<{ resultKey: string; warnings: Result['warnings'] }>; load: (resultKey: string) => Promise<unknown> },
): Promise<Result> {
  if (!opts.key) {
    const made = await opts.create();
    return { data: await opts.load(made.resultKey), warnings: made.warnings, status: 201 };
  }
  const ledgerKey = `${opts.company}|${opts.operation}|${opts.key}`;
  const hash = requestHash(opts.body);
  const entry = ctx.ledger.get(ledgerKey);
  if (entry && entry.requestHash !== hash) throw new GatewayError('DUPLICATE', `Idempotency key ${opts.key} was already used with a different request.`);
  const replay = (resultKey: string): Promise<Result> =>
    opts.load(resultKey).then((data) => ({ data, warnings: [], status: 200, headers: { 'idempotent-replay': 'true' } }));
  if (entry?.status === 'done' && entry.resultKey) return replay(entry.resultKey);
  const found = await opts.findExisting();
  if (found) {
    ctx.ledger.set(ledgerKey, { operation: opts.operation, requestHash: hash, status: 'done', resultKey: found, at: new Date().toISOString() });
    return replay(found);
  }
  ctx.ledger.set(ledgerKey, { operation: opts.operation, requestHash: hash, status: 'pending', at: new Date().toISOString() });
  try {
    const made = await opts.create();
    ctx.ledger.set(ledgerKey, { operation: opts.operation, requestHash: hash, status: 'done', resultKey: made.resultKey, at: new Date().toISOString() });
    return { data: await opts.load(made.resultKey), warnings: made.warnings, status: 201 };
  } catch (err) {
    // A refused create wrote nothing, so the key is free again; an unknown outcome stays pending.
    if (err instanceof GatewayError && err.code !== 'SESSION_LOST') ctx.ledger.delete(ledgerKey);
    throw err;
  }
}
