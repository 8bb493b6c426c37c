// Dynamic pickers for the node inspector; they run server-side with the stored credential.
import type { PickerContext, PickerLoader, PickerOption } from '@conduit/connector-kit';
import type { StreakAuth } from './auth';
import { streakApi } from './api/streak';
import { StreakSession } from './model/session';
import type { Pipeline } from './model/pipeline';

/** The pipeline a picker refers to: given directly, or through a box. */
async function pipelineOf({ http, params }: PickerContext<StreakAuth>): Promise<Pipeline | undefined> {
  const session = new StreakSession(http);
  if (typeof params.pipelineKey === 'string' && params.pipelineKey) return session.pipeline(params.pipelineKey);
  if (typeof params.boxKey === 'string' && params.boxKey) return session.pipeline((await streakApi.box(http, params.boxKey)).pipelineKey);
  return undefined;
}

const teamFields = (kind: 'contact' | 'organization'): PickerLoader<StreakAuth> => async (ctx) => {
  const session = new StreakSession(ctx.http);
  const fields = await session.teamFields(await session.teamKey(typeof ctx.params.teamKey === 'string' ? ctx.params.teamKey : undefined), kind);
  return fields.fields.map((f) => ({ value: f.key, label: f.name, group: f.type }));
};

export const streakPickers: Record<string, PickerLoader<StreakAuth>> = {
  pipelines: async ({ http }) => (await streakApi.pipelines(http)).map((p): PickerOption => ({ value: p.key, label: p.name })),
  stages: async (ctx) => (await pipelineOf(ctx))?.stages.map((s) => ({ value: s.key, label: s.name })) ?? [],
  fields: async (ctx) => (await pipelineOf(ctx))?.fields.fields.map((f) => ({ value: f.key, label: f.name, group: f.type })) ?? [],
  teams: async ({ http }) => (await streakApi.teams(http)).map((t) => ({ value: t.key, label: t.name })),
  contactFields: teamFields('contact'),
  organizationFields: teamFields('organization'),
};
