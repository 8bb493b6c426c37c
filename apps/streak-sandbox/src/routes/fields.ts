// Pipeline field definitions (§4.5): v1 list/get/update/delete and form create, v2 JSON create.
import type { Ctx } from '../domain/ctx';
import { deleteField, updateField } from '../domain/fields';
import { addField, parseFieldType, type FieldInput } from '../domain/pipelines';
import type { Api, Req } from '../http/api';
import { parseBody } from '../http/body';
import { badRequest } from '../http/errors';
import { asObject, optList, optString, q, type Obj } from '../http/input';
import { fieldView } from '../views/pipelines';
import { fieldOr404, pipelineFor } from './access';

/** Options on create: `dropdownSettings.items[].name` / `tagSettings.tags[].tag`, or a plain `options` list. */
function parseOptions(o: Obj): string[] | undefined {
  const settings = o.dropdownSettings ?? o.tagSettings;
  const parsed =
    settings === undefined
      ? undefined
      : asObject(typeof settings === 'string' ? parseBody('application/json', settings) : settings);
  const list = parsed ? (optList(parsed, 'items') ?? optList(parsed, 'tags')) : optList(o, 'options');
  return list?.map((x) => (typeof x === 'string' ? x : String(asObject(x).name ?? asObject(x).tag ?? '')));
}

function fieldInput(body: unknown): FieldInput {
  const o = asObject(body);
  const name = optString(o, 'name');
  if (!name?.trim()) throw badRequest('name is required');
  const defaultValue = optString(o, 'defaultValue');
  const options = parseOptions(o);
  if (options?.some((x) => !x.trim())) throw badRequest('option names cannot be empty');
  return {
    name,
    type: parseFieldType(o.type),
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(options ? { options } : {}),
  };
}

export function registerFields(api: Api, ctx: Ctx): void {
  const pipe = (r: Req) => pipelineFor(ctx, r.userKey, r.params.pipelineKey);
  const base = '/v1/pipelines/:pipelineKey/fields';
  api.get(base, (r) => pipe(r).fields.map(fieldView));
  api.get(`${base}/:fieldKey`, (r) => fieldView(fieldOr404(pipe(r), r.params.fieldKey)));
  api.put(base, (r) => fieldView(addField(ctx, pipe(r), fieldInput(r.body))));
  api.post('/v2/pipelines/:pipelineKey/fields', (r) => fieldView(addField(ctx, pipe(r), fieldInput(r.body))));
  api.post(`${base}/:fieldKey`, (r) => {
    const p = pipe(r);
    return fieldView(
      updateField(ctx, p, fieldOr404(p, r.params.fieldKey), r.body, q(r.query, 'addOnly') === 'true'),
    );
  });
  api.del(`${base}/:fieldKey`, (r) => {
    const p = pipe(r);
    deleteField(ctx, p, fieldOr404(p, r.params.fieldKey));
    return { success: true };
  });
}
