// Dashboard figures per environment and time range, computed in SQL over the run indexes.
import { z } from 'zod';
import { db } from '../../db';
import { roleProcedure, ROLES, router } from '../../trpc';
import { notFound } from './errors';

export const RANGES = {
  '1h': { ms: 3_600_000, bucket: '1 minute' },
  '24h': { ms: 86_400_000, bucket: '30 minutes' },
  '7d': { ms: 7 * 86_400_000, bucket: '4 hours' },
} as const;

export const dashboardRouter = router({
  get: roleProcedure(...ROLES.read)
    .input(
      z
        .object({ environmentId: z.string().uuid(), range: z.enum(['1h', '24h', '7d']).default('24h') })
        .strict(),
    )
    .query(async ({ ctx, input }) => {
      const e = await db().environment.findFirst({
        where: { id: input.environmentId, workspaceId: ctx.member.workspaceId },
        select: { id: true, name: true },
      });
      if (!e) notFound('That environment');
      const { ms, bucket } = RANGES[input.range];
      const to = new Date();
      const from = new Date(to.getTime() - ms);
      const minutes = ms / 60_000;
      const [series, perFlow, failures, backlog, waiting] = await Promise.all([
        db().$queryRaw<
          Array<{ at: Date; total: number; failed: number; succeeded: number; finished: number }>
        >`
          WITH buckets AS (SELECT generate_series(${from}::timestamptz, ${to}::timestamptz, ${bucket}::interval) AS at),
               counts AS (
                 SELECT date_bin(${bucket}::interval, started_at, ${from}::timestamptz) AS at, count(*)::int AS total,
                        count(*) FILTER (WHERE status IN ('failed', 'dead_lettered'))::int AS failed,
                        count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
                        count(*) FILTER (WHERE status IN ('succeeded', 'failed', 'dead_lettered'))::int AS finished
                 FROM run WHERE environment_id = ${e.id}::uuid AND started_at >= ${from} GROUP BY 1)
          -- Every bucket of the range, empty ones included, so the chart's time axis is even.
          SELECT b.at, coalesce(c.total, 0) AS total, coalesce(c.failed, 0) AS failed,
                 coalesce(c.succeeded, 0) AS succeeded, coalesce(c.finished, 0) AS finished
          FROM buckets b LEFT JOIN counts c ON c.at = b.at ORDER BY b.at`,
        db().$queryRaw<
          Array<{
            flowId: string;
            name: string;
            total: number;
            succeeded: number;
            p50: number | null;
            p95: number | null;
          }>
        >`
          SELECT r.flow_id AS "flowId", f.name, count(*)::int AS total,
                 count(*) FILTER (WHERE r.status = 'succeeded')::int AS succeeded,
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY r.duration_ms) FILTER (WHERE r.duration_ms IS NOT NULL) AS p50,
                 percentile_cont(0.95) WITHIN GROUP (ORDER BY r.duration_ms) FILTER (WHERE r.duration_ms IS NOT NULL) AS p95
          FROM run r JOIN flow f ON f.id = r.flow_id
          WHERE r.environment_id = ${e.id}::uuid AND r.started_at >= ${from} GROUP BY r.flow_id, f.name ORDER BY total DESC LIMIT 20`,
        db().$queryRaw<Array<{ reasonCode: string; count: number }>>`
          SELECT d.reason_code AS "reasonCode", count(*)::int AS count FROM dead_letter d JOIN run r ON r.id = d.run_id
          WHERE r.environment_id = ${e.id}::uuid AND d.created_at >= ${from} GROUP BY 1 ORDER BY 2 DESC LIMIT 12`,
        db().deadLetter.count({ where: { status: 'open', run: { environmentId: e.id } } }),
        db().approval.count({ where: { status: 'pending', run: { environmentId: e.id } } }),
      ]);
      const total = series.reduce((n, s) => n + s.total, 0);
      const succeeded = series.reduce((n, s) => n + s.succeeded, 0);
      const finished = series.reduce((n, s) => n + s.finished, 0);
      return {
        environment: e,
        from,
        to,
        bucket,
        series,
        runsPerMinute: total / minutes,
        // Of the runs that ended (cancelled ones aside); runs still going count once they end.
        successRate: finished === 0 ? null : succeeded / finished,
        perFlow,
        failures,
        deadLetterBacklog: backlog,
        approvalsWaiting: waiting,
      };
    }),
});
