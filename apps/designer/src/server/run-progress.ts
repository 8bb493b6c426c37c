// Live progress of a running flow (for-each counts for the run page's progress bar), read from the
// workflow's progress query. The run history in the database only changes when the run ends.
import { PROGRESS_QUERY, type RunProgress } from '@conduit/engine/client';
import { temporal } from './temporal';

export type LoopProgress = NonNullable<RunProgress['loops']>[number];

/** The run's for-each loops so far; empty when the engine cannot be asked (the page then shows none). */
export async function liveLoops(workflowId: string): Promise<LoopProgress[]> {
  try {
    const progress = await (await temporal()).workflow.getHandle(workflowId).query<RunProgress>(PROGRESS_QUERY);
    return progress.loops ?? [];
  } catch {
    return [];
  }
}
