// Stages: listed as a map keyed by stage key (not an array), §4.4.
import type { Ctx } from '../domain/ctx';
import { addStage, deleteStage, renameStage } from '../domain/pipelines';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { asObject, optString } from '../http/input';
import type { StageRec } from '../store/types';
import { stagesMap, stageView, stageViewV1 } from '../views/pipelines';
import { pipelineFor, stageOr404 } from './access';

/** v2 `color`: `{foregroundColor, backgroundColor}`; empty strings reset to the theme colour. */
function parseColor(raw: unknown): StageRec['color'] | null | undefined {
  if (raw === undefined || raw === null) return undefined;
  const c = asObject(raw);
  const fg = optString(c, 'foregroundColor') ?? '';
  const bg = optString(c, 'backgroundColor') ?? '';
  if (!fg && !bg) return null;
  if (![fg, bg].every((x) => /^#[0-9a-fA-F]{3,8}$/.test(x)))
    throw badRequest('color must have foregroundColor and backgroundColor as #rrggbb');
  return { foregroundColor: fg, backgroundColor: bg };
}

export function registerStages(api: Api, ctx: Ctx): void {
  const { store } = ctx;
  const pipe = (r: Req) => pipelineFor(ctx, r.userKey, r.params.pipelineKey);
  for (const v of [1, 2] as const) {
    const view = (p: ReturnType<typeof pipe>, s: StageRec) =>
      v === 1 ? stageViewV1(s) : stageView(store, p, s);
    const base = `/v${v}/pipelines/:pipelineKey/stages`;
    api.get(base, (r) => {
      const p = pipe(r);
      return stagesMap(p, (s) => view(p, s));
    });
    api.get(`${base}/:stageKey`, (r) => {
      const p = pipe(r);
      return view(p, stageOr404(p, r.params.stageKey));
    });
    api.post(`${base}/:stageKey`, (r) => {
      const p = pipe(r);
      const s = stageOr404(p, r.params.stageKey);
      const o = asObject(r.body);
      const color = v === 2 ? parseColor(o.color) : undefined;
      renameStage(ctx, p, s, { name: optString(o, 'name'), ...(color === undefined ? {} : { color }) });
      return view(p, s);
    });
    api.del(`${base}/:stageKey`, (r) => {
      const p = pipe(r);
      deleteStage(ctx, p, stageOr404(p, r.params.stageKey));
      return { success: true };
    });
  }
  api.put('/v1/pipelines/:pipelineKey/stages', (r) => {
    const p = pipe(r);
    const name = optString(asObject(r.body), 'name');
    if (!name?.trim()) throw badRequest('name is required');
    return stageViewV1(addStage(ctx, p, name));
  });
  api.post('/v2/pipelines/:pipelineKey/stages', (r) => {
    const p = pipe(r);
    const o = asObject(r.body);
    const name = optString(o, 'name');
    if (!name?.trim()) throw badRequest('name is required');
    return stageView(store, p, addStage(ctx, p, name, parseColor(o.color) ?? undefined));
  });
}
