// Resolving keys from the URL and checking the caller may see them: a key has exactly the
// privileges of its user, who sees the pipelines and CRM data of the teams they belong to.
import type { Ctx } from '../domain/ctx';
import { ApiError, notFound } from '../http/errors';
import type { BoxRec, PipelineRec, TeamRec } from '../store/types';

const noAccess = (): ApiError => new ApiError(401, 'insufficient permissions for this resource');

export function isMember(team: TeamRec | undefined, userKey: string): boolean {
  return team?.members.some((m) => m.userKey === userKey) ?? false;
}

export function teamFor(ctx: Ctx, userKey: string, key: string | undefined): TeamRec {
  const t = ctx.store.find('teams', key);
  if (!isMember(t, userKey)) throw noAccess();
  return t;
}

export function pipelineFor(ctx: Ctx, userKey: string, key: string | undefined): PipelineRec {
  const p = ctx.store.find('pipelines', key);
  if (!isMember(ctx.store.state.teams[p.teamKey], userKey)) throw noAccess();
  return p;
}

export function boxFor(ctx: Ctx, userKey: string, key: string | undefined): BoxRec {
  const b = ctx.store.find('boxes', key);
  pipelineFor(ctx, userKey, b.pipelineKey);
  return b;
}

/** Children of a box (tasks, comments, meetings) are visible with their box. */
export function childFor<C extends 'tasks' | 'comments' | 'meetings'>(
  ctx: Ctx,
  userKey: string,
  table: C,
  key: string | undefined,
) {
  const child = ctx.store.find(table, key);
  boxFor(ctx, userKey, child.boxKey);
  return child;
}

export function visiblePipelines(ctx: Ctx, userKey: string): PipelineRec[] {
  return Object.values(ctx.store.state.pipelines).filter((p) =>
    isMember(ctx.store.state.teams[p.teamKey], userKey),
  );
}

export function stageOr404(p: PipelineRec, key: string | undefined) {
  const s = key === undefined ? undefined : p.stages[key];
  if (!s) throw notFound();
  return s;
}

export function fieldOr404(p: PipelineRec, key: string | undefined) {
  const f = p.fields.find((x) => x.key === key);
  if (!f) throw notFound();
  return f;
}

/** `sortBy` sorts descending (§4.3, §4.6); without it, creation order. */
export function sortByParam<T extends { creationTimestamp: number; lastUpdatedTimestamp: number }>(
  items: T[],
  sortBy: string | undefined,
): T[] {
  if (sortBy === undefined) return items;
  if (sortBy !== 'creationTimestamp' && sortBy !== 'lastUpdatedTimestamp')
    throw new ApiError(400, `Invalid sortBy: ${sortBy}`);
  return [...items].sort((a, b) => b[sortBy] - a[sortBy]);
}
