// The flow file: a flow and its immutable versions as stable, pretty JSON, so teams can keep flows in
// git and move them between installations. Shared by the export/import procedures and the CLI.
import type { Db, Prisma } from '@conduit/db';
import { z } from 'zod';

export const FLOW_FILE_FORMAT = 'conduit.flow/v1';

const json = z.custom<Prisma.InputJsonValue>((v) => v !== undefined && v !== null, 'required');

export const flowFileSchema = z
  .object({
    format: z.literal(
      FLOW_FILE_FORMAT,
      `this is not a Conduit flow file (expected "format": "${FLOW_FILE_FORMAT}")`,
    ),
    flow: z
      .object({ name: z.string().trim().min(1).max(200), description: z.string().max(2000).default('') })
      .strict(),
    versions: z
      .array(
        z
          .object({
            number: z.number().int().min(1),
            message: z.string().max(2000).default(''),
            contentHash: z.string().min(8).max(200),
            graph: json,
            plan: json,
          })
          .strict(),
      )
      .min(1, 'the file has no versions')
      .max(1000),
  })
  .strict();
export type FlowFile = z.infer<typeof flowFileSchema>;

/** Keys sorted at every level so the same flow always serialises to the same text (clean git diffs). */
export function toFileText(file: FlowFile): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return `${JSON.stringify(sort(file), null, 2)}\n`;
}

export async function exportFlow(
  db: Db,
  opts: { workspaceId: string; flowId: string },
): Promise<FlowFile | null> {
  const flow = await db.flow.findFirst({
    where: { id: opts.flowId, workspaceId: opts.workspaceId },
    include: { versions: { orderBy: { number: 'asc' } } },
  });
  if (!flow || flow.versions.length === 0) return null;
  return {
    format: FLOW_FILE_FORMAT,
    flow: { name: flow.name, description: flow.description },
    versions: flow.versions.map((v) => ({
      number: v.number,
      message: v.message,
      contentHash: v.contentHash,
      graph: v.graph as Prisma.InputJsonValue,
      plan: v.plan as Prisma.InputJsonValue,
    })),
  };
}

/**
 * Imports into the flow with the same name (or a new one). A version whose content hash already exists
 * is skipped, so importing the same file twice changes nothing; new ones get the next numbers.
 */
export async function importFlow(
  db: Db,
  opts: { workspaceId: string; file: FlowFile; userId: string | null },
) {
  return db.$transaction(async (tx) => {
    const last = opts.file.versions[opts.file.versions.length - 1]!;
    const existing = await tx.flow.findFirst({
      where: { workspaceId: opts.workspaceId, name: opts.file.flow.name, archivedAt: null },
      include: { versions: { select: { number: true, contentHash: true } } },
    });
    const flow =
      existing ??
      (await tx.flow.create({
        data: {
          workspaceId: opts.workspaceId,
          name: opts.file.flow.name,
          description: opts.file.flow.description,
          draft: last.graph,
        },
      }));
    const known = new Set((existing?.versions ?? []).map((v) => v.contentHash));
    let next = Math.max(0, ...(existing?.versions ?? []).map((v) => v.number)) + 1;
    const added: number[] = [];
    for (const v of [...opts.file.versions].sort((a, b) => a.number - b.number)) {
      if (known.has(v.contentHash)) continue;
      known.add(v.contentHash);
      await tx.flowVersion.create({
        data: {
          flowId: flow.id,
          number: next,
          message: v.message,
          graph: v.graph,
          plan: v.plan,
          contentHash: v.contentHash,
          createdById: opts.userId,
        },
      });
      added.push(next++);
    }
    return {
      flowId: flow.id,
      createdFlow: !existing,
      added,
      skipped: opts.file.versions.length - added.length,
    };
  });
}
