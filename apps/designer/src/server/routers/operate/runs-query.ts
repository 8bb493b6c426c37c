// The runs list query: filters that the indexes serve and keyset paging on (started_at, id), so page
// 500 costs the same as page 1 however many runs there are.
import type { Prisma, RunStatus } from '@conduit/db';
import { z } from 'zod';

export const RUN_STATUSES = [
  'queued',
  'running',
  'waiting',
  'succeeded',
  'failed',
  'dead_lettered',
  'cancelled',
] as const satisfies readonly RunStatus[];

export const runFilter = z
  .object({
    environmentId: z.string().uuid().optional(),
    flowId: z.string().uuid().optional(),
    status: z.array(z.enum(RUN_STATUSES)).max(RUN_STATUSES.length).optional(),
    triggerKind: z.string().trim().min(1).max(40).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    /** A box key, order number or customer number (exact), or a run id. */
    search: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type RunFilter = z.infer<typeof runFilter>;

export const cursorSchema = z
  .string()
  .regex(
    /^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/,
    'that page cursor is not valid; start from the first page',
  );

export function encodeCursor(run: { startedAt: Date; id: string }): string {
  return `${run.startedAt.toISOString()}|${run.id}`;
}

function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  const [at, id] = cursor.split('|') as [string, string];
  return { startedAt: new Date(at), id };
}

export function runWhere(workspaceId: string, f: RunFilter, cursor?: string): Prisma.RunWhereInput {
  const and: Prisma.RunWhereInput[] = [{ environment: { workspaceId } }];
  if (f.environmentId) and.push({ environmentId: f.environmentId });
  if (f.flowId) and.push({ flowId: f.flowId });
  if (f.status?.length) and.push({ status: { in: f.status } });
  if (f.triggerKind) and.push({ triggerKind: f.triggerKind });
  if (f.from) and.push({ startedAt: { gte: f.from } });
  if (f.to) and.push({ startedAt: { lt: f.to } });
  // `has` compiles to `@>`, which the GIN index on search_keys answers; event keys and run ids match too.
  if (f.search)
    and.push({
      OR: [
        { searchKeys: { has: f.search } },
        { eventKey: f.search },
        ...(z.string().uuid().safeParse(f.search).success ? [{ id: f.search }] : []),
      ],
    });
  if (cursor) {
    const c = decodeCursor(cursor);
    and.push({ OR: [{ startedAt: { lt: c.startedAt } }, { startedAt: c.startedAt, id: { lt: c.id } }] });
  }
  return { AND: and };
}

const LINKED: Array<{ fields: string[]; kind: string; href?: (key: string) => string }> = [
  {
    fields: ['boxKey'],
    kind: 'Streak box',
    href: (k) => `https://www.streak.com/a/boxes/${encodeURIComponent(k)}`,
  },
  { fields: ['salesOrderNo', 'SalesOrderNo'], kind: 'Sage 100 sales order' },
  { fields: ['customerNo', 'CustomerNo'], kind: 'Sage 100 customer' },
  { fields: ['invoiceNo', 'InvoiceNo'], kind: 'Sage 100 invoice' },
];

/**
 * What a run touched, for people to follow: Streak boxes and Sage records named in step outputs
 * (the same fields the engine takes search keys from), then any other search key as plain text.
 */
export function keyLinks(
  searchKeys: string[],
  outputs: unknown[],
): Array<{ kind: string; key: string; href: string | null }> {
  const links = new Map<string, { kind: string; key: string; href: string | null }>();
  for (const out of outputs) {
    if (!out || typeof out !== 'object' || Array.isArray(out)) continue;
    for (const l of LINKED) {
      for (const f of l.fields) {
        const v = (out as Record<string, unknown>)[f];
        if (typeof v === 'string' && v && !links.has(v))
          links.set(v, { kind: l.kind, key: v, href: l.href?.(v) ?? null });
      }
    }
  }
  for (const k of searchKeys) if (!links.has(k)) links.set(k, { kind: 'Key', key: k, href: null });
  return [...links.values()];
}
