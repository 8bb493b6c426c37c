// Writes a run's outcome (status, steps, dead letter) in one transaction, idempotently: a retried
// activity rewrites the same rows instead of adding more.
import type { Db } from '@conduit/db';
import { forHistory } from '../redact';
import type { RunRecord } from '../types';

const json = (v: unknown) => (v === undefined ? undefined : (forHistory(v) as object));

export async function recordRun(db: Db, rec: RunRecord): Promise<void> {
  const run = await db.run.findUnique({ where: { id: rec.runId }, select: { startedAt: true, searchKeys: true } });
  if (!run) throw new Error(`run ${rec.runId} has no row; the starter must create it before the workflow records it`);
  const finishedAt = rec.finishedAt === undefined ? undefined : new Date(rec.finishedAt);
  const searchKeys = [...new Set([...run.searchKeys, ...rec.searchKeys])];
  await db.$transaction([
    db.run.update({
      where: { id: rec.runId },
      data: {
        status: rec.status,
        error: rec.error ?? null,
        searchKeys,
        finishedAt: finishedAt ?? null,
        durationMs: finishedAt ? Math.max(0, finishedAt.getTime() - run.startedAt.getTime()) : null,
      },
    }),
    db.runStep.deleteMany({ where: { runId: rec.runId } }),
    db.runStep.createMany({
      data: rec.steps.map((s) => ({
        runId: rec.runId,
        nodeId: s.nodeId,
        seq: s.seq,
        status: s.status,
        attempts: s.attempts,
        input: json(s.input),
        output: json(s.output),
        error: json(s.error),
        startedAt: new Date(s.startedAt),
        finishedAt: s.finishedAt === undefined ? null : new Date(s.finishedAt),
        durationMs: s.finishedAt === undefined ? null : s.finishedAt - s.startedAt,
      })),
    }),
    db.deadLetter.deleteMany({ where: { runId: rec.runId, status: 'open' } }),
    ...(rec.deadLetter
      ? [db.deadLetter.create({ data: { runId: rec.runId, nodeId: rec.deadLetter.nodeId, reasonCode: rec.deadLetter.reasonCode, message: rec.deadLetter.message, suggestion: rec.deadLetter.suggestion, input: json(rec.deadLetter.input) } })]
      : []),
  ]);
}
