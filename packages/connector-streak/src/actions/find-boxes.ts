import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { pages } from '../api/paging';
import { StreakSession } from '../model/session';
import { boxSchema } from '../model/records';
import { fieldValueSchema } from '../model/fields';
import { hints, pipelineKeyInput } from './common';
import { findBoxesByField } from './scan';

const input = z
  .object({
    pipelineKey: pipelineKeyInput,
    name: z.string().min(1).optional().meta({ title: 'Exact box name' }),
    field: z.string().min(1).optional().meta({ title: 'Field', description: 'Field key or name to match' }),
    value: fieldValueSchema.optional().meta({ title: 'Field value' }),
    stage: z.string().optional().meta({ title: 'Only in stage' }),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .refine((i) => (i.name !== undefined) !== (i.field !== undefined && i.value !== undefined), { message: 'give either a name, or a field and a value', path: ['name'] });

export const findBoxes = defineAction({
  key: 'findBoxes',
  title: 'Find boxes',
  description: 'Finds boxes in a pipeline by exact name or by a field value (dropdown labels allowed).',
  input,
  output: z.object({ boxes: z.array(boxSchema), count: z.number() }),
  idempotent: true,
  ui: { fields: { pipelineKey: hints.pipeline, stage: hints.stage, field: hints.field } },
  run: async ({ http, input, signal, heartbeat }) => {
    const session = new StreakSession(http);
    const pipeline = await session.pipeline(input.pipelineKey);
    const stageKey = input.stage === undefined ? undefined : pipeline.stage(input.stage).key;
    if (input.field !== undefined && input.value !== undefined) {
      const boxes = await findBoxesByField({ http, signal, heartbeat, pipeline, field: input.field, value: input.value, stageKey, limit: input.limit });
      return { boxes: await Promise.all(boxes.map((b) => session.present(b))), count: boxes.length };
    }
    const name = input.name ?? '';
    const keys: string[] = [];
    for await (const hits of pages({ what: `search for boxes named "${name}"`, maxPages: 5, signal, heartbeat, fetch: async (page) => {
      const res = await streakApi.searchByName(http, { name, pipelineKey: pipeline.key, stageKey, page });
      const boxes = res.results.boxes ?? [];
      return { items: boxes, more: boxes.length > 0 };
    } })) {
      for (const h of hits) {
        const key = h.boxKey ?? h.key;
        // Search filters by pipeline and stage already; the checks keep an over-broad answer from leaking in.
        const inScope = (h.pipelineKey ?? pipeline.key) === pipeline.key && (stageKey === undefined || h.stageKey === undefined || h.stageKey === stageKey);
        if (key && h.name === name && inScope && !keys.includes(key)) keys.push(key);
      }
      if (keys.length >= input.limit) break;
    }
    const boxes = await Promise.all(keys.slice(0, input.limit).map((k) => session.box(k)));
    return { boxes, count: boxes.length };
  },
});
