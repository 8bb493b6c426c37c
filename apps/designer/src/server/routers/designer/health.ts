// Per-flow status in one environment for the flow list: deployed version, last run, success rate.
// Three grouped queries for the whole list, so the page stays fast with many flows.
import { db } from '../../db';

export interface FlowHealth {
  deployedVersion: number | null;
  lastRun: { startedAt: Date; status: string } | null;
  /** Share of finished runs in the last 30 days that succeeded; null without finished runs. */
  successRate: number | null;
  runs30d: number;
}

const WINDOW_MS = 30 * 86_400_000;

export async function flowHealth(opts: { workspaceId: string; environmentKey?: string; flowIds: string[] }): Promise<Map<string, FlowHealth>> {
  const out = new Map<string, FlowHealth>(opts.flowIds.map((id) => [id, { deployedVersion: null, lastRun: null, successRate: null, runs30d: 0 }]));
  const env = await db().environment.findFirst({
    where: { workspaceId: opts.workspaceId, ...(opts.environmentKey ? { key: opts.environmentKey } : {}) },
    orderBy: { position: 'asc' },
    select: { id: true },
  });
  if (!env || opts.flowIds.length === 0) return out;
  const where = { environmentId: env.id, flowId: { in: opts.flowIds } };
  const [deployments, lastRuns, outcomes] = await Promise.all([
    db().deployment.findMany({ where: { ...where, active: true }, select: { flowId: true, flowVersion: { select: { number: true } } } }),
    db().run.findMany({ where, distinct: ['flowId'], orderBy: [{ flowId: 'asc' }, { startedAt: 'desc' }], select: { flowId: true, startedAt: true, status: true } }),
    db().run.groupBy({ by: ['flowId', 'status'], where: { ...where, startedAt: { gte: new Date(Date.now() - WINDOW_MS) } }, _count: { _all: true } }),
  ]);
  for (const d of deployments) out.get(d.flowId)!.deployedVersion = d.flowVersion.number;
  for (const r of lastRuns) out.get(r.flowId)!.lastRun = { startedAt: r.startedAt, status: r.status };
  const tally = new Map<string, { ok: number; done: number }>();
  for (const o of outcomes) {
    const h = out.get(o.flowId)!;
    h.runs30d += o._count._all;
    const t = tally.get(o.flowId) ?? { ok: 0, done: 0 };
    if (o.status === 'succeeded') t.ok += o._count._all;
    if (o.status === 'succeeded' || o.status === 'failed' || o.status === 'dead_lettered') t.done += o._count._all;
    tally.set(o.flowId, t);
  }
  for (const [id, t] of tally) if (t.done > 0) out.get(id)!.successRate = t.ok / t.done;
  return out;
}
