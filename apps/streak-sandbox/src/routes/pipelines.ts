// Pipelines: v1 (bare-array list, form-encoded PUT create) and v2 (paged list, JSON create), §4.3.
import type { Ctx } from '../domain/ctx';
import { createPipeline, parseFieldType, type FieldInput } from '../domain/pipelines';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { asObject, optList, optString, paged, q, type Obj } from '../http/input';
import type { PipelineRec } from '../store/types';
import { pipelineView } from '../views/pipelines';
import { pipelineFor, sortByParam, teamFor, visiblePipelines } from './access';

const commaList = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** v1 form: `fieldNames` + `fieldTypes` are parallel comma lists. */
function v1Fields(o: Obj): FieldInput[] {
  const names = commaList(optString(o, 'fieldNames'));
  const types = commaList(optString(o, 'fieldTypes'));
  if (names.length !== types.length) throw badRequest('fieldNames and fieldTypes must have the same length');
  return names.map((name, i) => ({ name, type: parseFieldType(types[i]) }));
}

function v2Fields(o: Obj): FieldInput[] {
  return (optList(o, 'fields') ?? []).map((raw) => {
    const f = asObject(raw);
    const defaultValue = optString(f, 'defaultValue');
    return {
      name: optString(f, 'name') ?? '',
      type: parseFieldType(f.type),
      ...(defaultValue === undefined ? {} : { defaultValue }),
    };
  });
}

function create(ctx: Ctx, r: Req, version: 1 | 2) {
  const o = asObject(r.body);
  const name = optString(o, 'name');
  if (!name?.trim()) throw badRequest('Insufficient params for Pipeline');
  const teamKey = optString(o, 'teamKey');
  if (!teamKey) throw badRequest('Insufficient params for Pipeline: teamKey is required');
  teamFor(ctx, r.userKey, teamKey);
  const stages =
    version === 1 ? commaList(optString(o, 'stageNames')) : (optList(o, 'stages') ?? []).map(String);
  const p = createPipeline(ctx, {
    name,
    teamKey,
    creatorKey: r.userKey,
    description: optString(o, 'description'),
    icon: optString(o, 'icon'),
    stages,
    fields: version === 1 ? v1Fields(o) : v2Fields(o),
  });
  return pipelineView(ctx.store, p);
}

/** `stageOrder` may only reorder: it must be a permutation of the existing stage keys. */
function checkStageOrder(p: PipelineRec, order: unknown[]): string[] {
  const keys = order.map(String);
  const same =
    keys.length === p.stageOrder.length &&
    new Set(keys).size === keys.length &&
    keys.every((k) => k in p.stages);
  if (!same) throw badRequest('stageOrder must list every stage of the pipeline exactly once');
  return keys;
}

function update(ctx: Ctx, r: Req) {
  const p = pipelineFor(ctx, r.userKey, r.params.pipelineKey);
  const o = asObject(r.body);
  if (o.stages !== undefined || o.fields !== undefined)
    throw badRequest('Stages and fields cannot be changed through the pipeline; use their own endpoints');
  const name = optString(o, 'name');
  if (name !== undefined && !name.trim()) throw badRequest('name cannot be empty');
  const order = optList(o, 'stageOrder');
  const stageOrder = order === undefined ? undefined : checkStageOrder(p, order);
  const teamKey = optString(o, 'teamKey');
  if (teamKey !== undefined) teamFor(ctx, r.userKey, teamKey);
  const patch = {
    name: name?.trim(),
    description: optString(o, 'description'),
    icon: optString(o, 'icon'),
    stageColorTheme: optString(o, 'stageColorTheme'),
    stageOrder,
    teamKey,
  };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(p, { [k]: v });
  p.lastUpdatedTimestamp = ctx.store.now();
  ctx.store.changed();
  return pipelineView(ctx.store, p);
}

function remove(ctx: Ctx, r: Req) {
  const p = pipelineFor(ctx, r.userKey, r.params.pipelineKey);
  if (Object.values(ctx.store.state.boxes).some((b) => b.pipelineKey === p.key))
    throw badRequest('Failed to delete: pipeline is not empty');
  delete ctx.store.state.pipelines[p.key];
  for (const [k, w] of Object.entries(ctx.store.state.webhooks))
    if (w.pipelineKey === p.key) delete ctx.store.state.webhooks[k];
  ctx.store.changed();
  return { success: true };
}

export function registerPipelines(api: Api, ctx: Ctx): void {
  const list = (r: Req) =>
    sortByParam(visiblePipelines(ctx, r.userKey), q(r.query, 'sortBy')).map((p) =>
      pipelineView(ctx.store, p),
    );
  api.get('/v1/pipelines', list);
  api.get('/v2/pipelines', (r) => paged(list(r), r.query, 100));
  for (const v of ['v1', 'v2']) {
    api.get(`/${v}/pipelines/:pipelineKey`, (r) =>
      pipelineView(ctx.store, pipelineFor(ctx, r.userKey, r.params.pipelineKey)),
    );
    api.post(`/${v}/pipelines/:pipelineKey`, (r) => update(ctx, r));
    api.del(`/${v}/pipelines/:pipelineKey`, (r) => remove(ctx, r));
  }
  api.put('/v1/pipelines', (r) => create(ctx, r, 1));
  api.post('/v2/pipelines', (r) => create(ctx, r, 2));
}
