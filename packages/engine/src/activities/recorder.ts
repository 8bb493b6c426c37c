// Writes a run's outcome (status, steps, dead letter) in one transaction of three or four statements,
// idempotently: a retried activity rewrites the same rows instead of adding more.
import type { Db } from '@conduit/db';
import { currentTraceId, log, runDuration, runFailures, runsCompleted } from '@conduit/telemetry';
import { forHistory } from '../redact';
import type { RunRecord } from '../types';

const json = (v: unknown) => (v === undefined ? undefined : (forHistory(v) as object));

const FINAL = new Set(['succeeded', 'failed', 'dead_lettered', 'cancelled']);

export async function recordRun(db: Db, rec: RunRecord): Promise<void> {
  const finishedAt = rec.finishedAt === undefined ? null : new Date(rec.finishedAt);
  // The trace this activity runs in is the run's trace: it holds the workflow and the delivery that started
  // it. It replaces the ingress's stamp, which names another delivery when a duplicate won the start race.
  const traceId = currentTraceId() ?? null;
  const [updated] = await db.$transaction([
    // Search keys merge with the ones the starter recorded; the duration is measured from the row's start
    // (workflow time; a time-skipping test server can put it days ahead, hence the clamp to int range).
    db.$queryRaw<Array<{ flow_id: string; environment: string; duration_ms: number | null }>>`
      UPDATE run SET trace_id = COALESCE(${traceId}, trace_id), status = ${rec.status}::"RunStatus", error = ${rec.error ?? null},
        search_keys = ARRAY(SELECT DISTINCT k FROM unnest(search_keys || ${rec.searchKeys}::text[]) AS k),
        finished_at = ${finishedAt},
        duration_ms = CASE WHEN ${finishedAt}::timestamptz IS NULL THEN NULL ELSE LEAST(2147483647, GREATEST(0, EXTRACT(EPOCH FROM (${finishedAt}::timestamptz - started_at)) * 1000))::int END
      WHERE id = ${rec.runId}::uuid
      RETURNING flow_id::text, duration_ms, (SELECT key FROM environment WHERE id = run.environment_id) AS environment`,
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
    ...(rec.deadLetter
      ? [
          db.deadLetter.deleteMany({ where: { runId: rec.runId, status: 'open' } }),
          db.deadLetter.create({ data: { runId: rec.runId, nodeId: rec.deadLetter.nodeId, reasonCode: rec.deadLetter.reasonCode, message: rec.deadLetter.message, suggestion: rec.deadLetter.suggestion, input: json(rec.deadLetter.input) } }),
        ]
      : []),
  ]);
  const row = updated[0];
  if (row && FINAL.has(rec.status)) observeOutcome(rec, row);
}

/** Counts a finished run for /metrics and logs one line for it. */
function observeOutcome(rec: RunRecord, row: { flow_id: string; environment: string; duration_ms: number | null }): void {
  const labels = { environment: row.environment, flow_id: row.flow_id, status: rec.status };
  runsCompleted.inc(labels);
  if (row.duration_ms !== null) runDuration.observe(labels, row.duration_ms / 1000);
  const reason = rec.deadLetter?.reasonCode ?? (rec.status === 'failed' ? 'failed' : undefined);
  if (reason) runFailures.inc({ environment: row.environment, flow_id: row.flow_id, reason });
  log.info('run finished', { runId: rec.runId, flowId: row.flow_id, environment: row.environment, status: rec.status, durationMs: row.duration_ms, ...(reason ? { reason, error: rec.error } : {}) });
}
