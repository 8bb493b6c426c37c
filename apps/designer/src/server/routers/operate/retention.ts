// Keeps the run history bounded: finished runs older than their environment's retention are deleted
// (steps, dead letters and approvals go with them). Runs with an open dead letter stay until a person
// replays or discards it. Deletes in batches so a large backlog never holds one long transaction.
import type { Db } from '@conduit/db';

export async function pruneRuns(
  db: Db,
  opts: { now?: Date; batchSize?: number; environmentId?: string } = {},
): Promise<{ deleted: number }> {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 1000;
  const envs = await db.environment.findMany({
    where: opts.environmentId ? { id: opts.environmentId } : {},
    select: { id: true, runRetentionDays: true },
  });
  let deleted = 0;
  for (const e of envs) {
    const cutoff = new Date(now.getTime() - e.runRetentionDays * 86_400_000);
    for (;;) {
      const batch = await db.run.findMany({
        where: {
          environmentId: e.id,
          startedAt: { lt: cutoff },
          status: { in: ['succeeded', 'failed', 'dead_lettered', 'cancelled'] },
          deadLetters: { none: { status: 'open' } },
        },
        select: { id: true },
        take: batchSize,
      });
      if (batch.length === 0) break;
      deleted += (await db.run.deleteMany({ where: { id: { in: batch.map((r) => r.id) } } })).count;
      if (batch.length < batchSize) break;
    }
  }
  return { deleted };
}
