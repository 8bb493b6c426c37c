// Lists a pipeline's boxes, optionally in one stage: what a scheduled flow walks (e.g. every deal in Proposal).
import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { pages } from '../api/paging';
import type { WireBox } from '../api/wire';
import { StreakSession } from '../model/session';
import { boxSchema } from '../model/records';
import { hints, pipelineKeyInput } from './common';

/** 20 pages of 100 boxes; a bigger list fails loudly (narrow it by stage) instead of answering from a part. */
const MAX_PAGES = 20;

export const listBoxes = defineAction({
  key: 'listBoxes',
  title: 'List boxes',
  description: 'The boxes of a pipeline (by key or name), optionally only those in one stage, newest first, with stage names and field values by name.',
  input: z.object({
    pipelineKey: pipelineKeyInput,
    stage: z.string().min(1).optional().meta({ title: 'Only in stage', description: 'Stage name or key' }),
    limit: z.number().int().min(1).max(2000).default(200),
  }),
  output: z.object({ boxes: z.array(boxSchema), count: z.number() }),
  idempotent: true,
  ui: { fields: { pipelineKey: hints.pipeline, stage: hints.stage } },
  run: async ({ http, input, signal, heartbeat }) => {
    const session = new StreakSession(http);
    // Templates name the pipeline ("Sales"); its key differs per Streak account.
    const named = (await streakApi.pipelines(http)).find((p) => p.name.trim().toLowerCase() === input.pipelineKey.trim().toLowerCase());
    const pipeline = await session.pipeline(named?.key ?? input.pipelineKey);
    const stageKey = input.stage === undefined ? undefined : pipeline.stage(input.stage).key;
    const boxes: WireBox[] = [];
    for await (const page of pages({
      what: `pipeline "${pipeline.name}"${input.stage ? ` stage "${input.stage}"` : ''}`,
      maxPages: MAX_PAGES,
      signal,
      heartbeat,
      fetch: (p) => streakApi.boxPage(http, pipeline.key, { page: p, sortBy: 'creationTimestamp', stageKey }),
    })) {
      // The stage filter is also applied here, in case an API answers with the whole pipeline.
      boxes.push(...page.filter((b) => stageKey === undefined || b.stageKey === stageKey));
      if (boxes.length >= input.limit) break;
    }
    const listed = boxes.slice(0, input.limit).map((b) => session.present(b));
    return { boxes: await Promise.all(listed), count: listed.length };
  },
});
