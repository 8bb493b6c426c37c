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

/** Prefixes the engine puts on search keys so the UI can link them (box:…, order:…, customer:…). */
export const KEY_PREFIXES = ['box', 'order', 'customer', 'invoice'] as const;

export const runFilter = z
  .object({
    environmentId: z.string().uuid().optional(),
    flowId: z.string().uuid().optional(),
    status: z.array(z.enum(RUN_STATUSES)).max(RUN_STATUSES.length).optional(),
    triggerKind: z.string().trim().min(1).max(40).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    /** A box key, order number or customer number, with or without its prefix. */
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

export function searchTerms(search: string): string[] {
  const bare =
    search.includes(':') && KEY_PREFIXES.some((p) => search.startsWith(`${p}:`))
      ? search.slice(search.indexOf(':') + 1)
      : search;
  return [bare, ...KEY_PREFIXES.map((p) => `${p}:${bare}`)];
}

export function runWhere(workspaceId: string, f: RunFilter, cursor?: string): Prisma.RunWhereInput {
  const and: Prisma.RunWhereInput[] = [{ environment: { workspaceId } }];
  if (f.environmentId) and.push({ environmentId: f.environmentId });
  if (f.flowId) and.push({ flowId: f.flowId });
  if (f.status?.length) and.push({ status: { in: f.status } });
  if (f.triggerKind) and.push({ triggerKind: f.triggerKind });
  if (f.from) and.push({ startedAt: { gte: f.from } });
  if (f.to) and.push({ startedAt: { lt: f.to } });
  // `hasSome` compiles to `&&`, which the GIN index on search_keys answers; run ids match too.
  if (f.search)
    and.push({
      OR: [
        { searchKeys: { hasSome: searchTerms(f.search) } },
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

/** Links a person can follow from a run's search keys. */
export function keyLinks(searchKeys: string[]): Array<{ kind: string; key: string; href: string | null }> {
  return searchKeys.map((k) => {
    const [prefix, ...rest] = k.split(':');
    const key = rest.join(':');
    if (prefix === 'box' && key)
      return { kind: 'Streak box', key, href: `https://www.streak.com/a/boxes/${encodeURIComponent(key)}` };
    if (prefix === 'order' && key) return { kind: 'Sage 100 sales order', key, href: null };
    if (prefix === 'customer' && key) return { kind: 'Sage 100 customer', key, href: null };
    if (prefix === 'invoice' && key) return { kind: 'Sage 100 invoice', key, href: null };
    return { kind: 'key', key: k, href: null };
  });
}
