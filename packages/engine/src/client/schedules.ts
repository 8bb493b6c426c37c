// Change-feed triggers run as Temporal Schedules: one per (environment, flow), firing changeFeedPoll every
// `pollSeconds` with overlap SKIP, so a slow poll never stacks up. Deploying replaces the schedule's
// action with the new version; undeploying deletes it.
import { FlowGraphSchema } from '@conduit/flow';
import { type Client, ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import type { ChangeFeedPollRequest } from '../activities/change-feed';
import type { StartEnvironment } from './start';

export const CHANGE_FEED_WORKFLOW = 'changeFeedPoll';
const DEFAULT_POLL_SECONDS = 60;

export const scheduleIdFor = (environmentKey: string, flowId: string) => `feed:${environmentKey}:${flowId}`;

function changeFeedTrigger(graph: unknown) {
  const parsed = FlowGraphSchema.safeParse(graph);
  const trigger = parsed.success ? parsed.data.nodes.find((n) => n.kind === 'trigger') : undefined;
  return trigger?.kind === 'trigger' && trigger.config.type === 'changeFeed' ? trigger.config : undefined;
}

export const hasChangeFeedTrigger = (graph: unknown): boolean => changeFeedTrigger(graph) !== undefined;

/** The poll request a deployed version's change-feed trigger needs, or undefined for other triggers. */
export function changeFeedRequest(options: { environment: StartEnvironment; flowId: string; versionId: string; graph: unknown; plan: unknown }): { request: ChangeFeedPollRequest; pollSeconds: number } | undefined {
  const c = changeFeedTrigger(options.graph);
  if (!c) return undefined;
  return {
    pollSeconds: c.pollSeconds ?? DEFAULT_POLL_SECONDS,
    request: { environment: options.environment, flowId: options.flowId, versionId: options.versionId, plan: options.plan, connector: c.connector, feed: c.feed, params: c.params ?? {}, ...(c.connectionRef ? { connectionRef: c.connectionRef } : {}) },
  };
}

export async function upsertChangeFeedSchedule(client: Client, options: { request: ChangeFeedPollRequest; pollSeconds: number }): Promise<string> {
  const scheduleId = scheduleIdFor(options.request.environment.key, options.request.flowId);
  const action = { type: 'startWorkflow' as const, workflowType: CHANGE_FEED_WORKFLOW, taskQueue: options.request.environment.taskQueue, args: [options.request] };
  const spec = { intervals: [{ every: `${options.pollSeconds}s` }] };
  try {
    await client.schedule.getHandle(scheduleId).update((prev) => ({ ...prev, spec, action }));
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    await client.schedule.create({ scheduleId, spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '5 minutes' } });
  }
  return scheduleId;
}

export async function removeChangeFeedSchedule(client: Client, options: { environmentKey: string; flowId: string }): Promise<void> {
  try {
    await client.schedule.getHandle(scheduleIdFor(options.environmentKey, options.flowId)).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
}
