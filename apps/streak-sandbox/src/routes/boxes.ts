// Boxes (§4.6): create is v2 (JSON) or legacy v1 PUT (form); read, update, delete, list and field
// values are v1; moving between pipelines is the v2 batch endpoint.
import type { Ctx } from '../domain/ctx';
import { createBox, deleteBox, moveBoxes, updateBox } from '../domain/boxes';
import type { Api, Req } from '../http/api';
import { badRequest } from '../http/errors';
import { asArray, asObject, paged, q } from '../http/input';
import { boxView } from '../views/boxes';
import { boxFor, fieldOr404, pipelineFor, sortByParam, visiblePipelines } from './access';
import { boxMarkdown } from './markdown';

export function registerBoxes(api: Api, ctx: Ctx): void {
  const { store } = ctx;
  const view = (b: Parameters<typeof boxView>[1]) => boxView(store, b);
  const pipe = (r: Req) => pipelineFor(ctx, r.userKey, r.params.pipelineKey);
  const box = (r: Req) => boxFor(ctx, r.userKey, r.params.boxKey);

  api.post('/v2/pipelines/:pipelineKey/boxes', (r) => view(createBox(ctx, pipe(r), r.body, r.userKey)));
  api.put('/v1/pipelines/:pipelineKey/boxes', (r) => view(createBox(ctx, pipe(r), r.body, r.userKey)));
  api.get('/v1/boxes/:boxKey', (r) => view(box(r)));
  api.post('/v1/boxes/:boxKey', (r) => view(updateBox(ctx, box(r), r.body, r.userKey)));
  api.del('/v1/boxes/:boxKey', (r) => {
    deleteBox(ctx, box(r));
    return { success: true };
  });

  // Without paging params the list is a bare array; with `limit` or `page` it is {results, hasNextPage}.
  api.get('/v1/pipelines/:pipelineKey/boxes', (r) => {
    const p = pipe(r);
    const stageKey = q(r.query, 'stageKey');
    if (stageKey !== undefined && !(stageKey in p.stages))
      throw badRequest(`Stage ${stageKey} does not exist in pipeline ${p.name}`);
    const boxes = Object.values(store.state.boxes).filter(
      (b) => b.pipelineKey === p.key && (stageKey === undefined || b.stageKey === stageKey),
    );
    const sorted = sortByParam(boxes, q(r.query, 'sortBy'));
    if (r.query.limit === undefined && r.query.page === undefined) return sorted.map(view);
    const page = paged(sorted, r.query, 100, 1000);
    return { results: page.results.map(view), hasNextPage: page.hasNextPage };
  });
  api.get('/v1/boxes', (r) => {
    const visible = new Set(visiblePipelines(ctx, r.userKey).map((p) => p.key));
    return Object.values(store.state.boxes)
      .filter((b) => visible.has(b.pipelineKey))
      .map(view);
  });
  // Batch get: missing or invisible keys are left out (the shape is unverified; see README).
  api.post('/v1/pipelines/:pipelineKey/boxes/batch', (r) => {
    const p = pipe(r);
    const keys = asArray(r.body).map(String);
    return keys.flatMap((k) => {
      const b = store.state.boxes[k];
      return b && b.pipelineKey === p.key ? [view(b)] : [];
    });
  });
  api.post('/v2/pipelines/:pipelineKey/boxes/batch', (r) => moveBoxes(ctx, pipe(r), r.body).map(view));

  api.get('/v1/boxes/:boxKey/fields', (r) =>
    Object.entries(box(r).fields).map(([key, value]) => ({ key, value })),
  );
  api.get('/v1/boxes/:boxKey/fields/:fieldKey', (r) => {
    const b = box(r);
    const f = fieldOr404(store.find('pipelines', b.pipelineKey), r.params.fieldKey);
    return { key: f.key, value: b.fields[f.key] ?? null };
  });
  api.post('/v1/boxes/:boxKey/fields/:fieldKey', (r) => {
    const b = box(r);
    const f = fieldOr404(store.find('pipelines', b.pipelineKey), r.params.fieldKey);
    const o = asObject(r.body);
    if (!('value' in o)) throw badRequest('value is required');
    updateBox(ctx, b, { fields: { [f.key]: o.value } }, r.userKey);
    return { key: f.key, value: b.fields[f.key] ?? null };
  });
  api.get('/v1/boxes/:boxKey/md', (r) => boxMarkdown(ctx, box(r), q(r.query, 'maxTokens')));
}
