// Timed triggers run as Temporal Schedules, one per (environment, flow) and trigger kind: a change feed fires
// changeFeedPoll every `pollSeconds`, a schedule trigger fires scheduledFire on its cron in its time zone.
// Overlap SKIP, so a slow poll or start never stacks up. Deploying replaces the schedule's spec and action
// with the new version; undeploying, or deploying a version with another trigger kind, deletes it.
import type { TriggerConfig } from '@conduit/flow';
import { type Client, isGrpcServiceError, ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleSpec } from '@temporalio/client';
import type { ChangeFeedPollRequest } from '../activities/change-feed';
import type { ScheduledFireRequest } from '../activities/scheduled-fire';
import type { StartEnvironment } from './start';
import { triggerNode } from './trigger-node';

export const CHANGE_FEED_WORKFLOW = 'changeFeedPoll';
export const SCHEDULED_FIRE_WORKFLOW = 'scheduledFire';
const DEFAULT_POLL_SECONDS = 60;
const GRPC_INVALID_ARGUMENT = 3;

export type TimedTriggerKind = 'changeFeed' | 'schedule';
const ID_PREFIX: Record<TimedTriggerKind, string> = { changeFeed: 'feed', schedule: 'cron' };
/**
 * Fires missed while Temporal was down are still taken this late: a poll catches up through its cursor
 * anyway, while a daily refresh an hour late is still worth running.
 */
const CATCHUP_WINDOW: Record<TimedTriggerKind, string> = { changeFeed: '5 minutes', schedule: '1 hour' };

export const scheduleIdFor = (environmentKey: string, flowId: string, kind: TimedTriggerKind = 'changeFeed') => `${ID_PREFIX[kind]}:${environmentKey}:${flowId}`;

/** Which kind of Temporal Schedule a version's trigger needs, if any (webhook and manual triggers need none). */
export function timedTriggerKind(graph: unknown): TimedTriggerKind | undefined {
  const type = triggerNode(graph)?.config.type;
  return type === 'changeFeed' || type === 'schedule' ? type : undefined;
}

interface DeployedVersion {
  environment: StartEnvironment;
  flowId: string;
  versionId: string;
  graph: unknown;
  plan: unknown;
}

/** The poll request a deployed version's change-feed trigger needs, or undefined for other triggers. */
export const changeFeedRequest = (options: DeployedVersion): { request: ChangeFeedPollRequest; pollSeconds: number } | undefined => feedRequest(options, triggerNode(options.graph)?.config);

function feedRequest(options: DeployedVersion, c: TriggerConfig | undefined): { request: ChangeFeedPollRequest; pollSeconds: number } | undefined {
  if (c?.type !== 'changeFeed') return undefined;
  return {
    pollSeconds: c.pollSeconds ?? DEFAULT_POLL_SECONDS,
    request: { environment: options.environment, flowId: options.flowId, versionId: options.versionId, plan: options.plan, connector: c.connector, feed: c.feed, params: c.params ?? {}, ...(c.connectionRef ? { connectionRef: c.connectionRef } : {}) },
  };
}

/** A Temporal Schedule for a deployed version's trigger: when it fires, and the workflow each fire starts. */
export interface TriggerSchedule {
  kind: TimedTriggerKind;
  scheduleId: string;
  /** The trigger node's label, for messages. */
  label: string;
  spec: ScheduleSpec;
  workflowType: string;
  taskQueue: string;
  args: [ChangeFeedPollRequest | ScheduledFireRequest];
}

const feedSchedule = (feed: { request: ChangeFeedPollRequest; pollSeconds: number }, label = 'change feed'): TriggerSchedule => ({
  kind: 'changeFeed',
  scheduleId: scheduleIdFor(feed.request.environment.key, feed.request.flowId, 'changeFeed'),
  label,
  spec: { intervals: [{ every: `${feed.pollSeconds}s` }] },
  workflowType: CHANGE_FEED_WORKFLOW,
  taskQueue: feed.request.environment.taskQueue,
  args: [feed.request],
});

/** The schedule a deployed version's trigger needs, or undefined for webhook and manual triggers. */
export function triggerSchedule(options: DeployedVersion): TriggerSchedule | undefined {
  const node = triggerNode(options.graph);
  const feed = feedRequest(options, node?.config);
  if (feed) return feedSchedule(feed, node?.label);
  if (node?.config.type !== 'schedule') return undefined;
  const { environment, flowId, versionId, plan } = options;
  return {
    kind: 'schedule',
    scheduleId: scheduleIdFor(environment.key, flowId, 'schedule'),
    label: node.label,
    spec: { cronExpressions: [node.config.cron], ...(node.config.timeZone ? { timezone: node.config.timeZone } : {}) },
    workflowType: SCHEDULED_FIRE_WORKFLOW,
    taskQueue: environment.taskQueue,
    args: [{ environment, flowId, versionId, plan }],
  };
}

/** Creates the schedule, or replaces the spec and action of the one already there (its policies stay). */
export async function upsertTriggerSchedule(client: Client, s: TriggerSchedule): Promise<string> {
  const action = { type: 'startWorkflow' as const, workflowType: s.workflowType, taskQueue: s.taskQueue, args: s.args };
  try {
    await client.schedule.getHandle(s.scheduleId).update((prev) => ({ ...prev, spec: s.spec, action }));
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    await client.schedule.create({ scheduleId: s.scheduleId, spec: s.spec, action, policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: CATCHUP_WINDOW[s.kind] } });
  }
  return s.scheduleId;
}

/** Deletes the schedule of that kind; one already gone is fine. */
export async function removeTriggerSchedule(client: Client, options: { environmentKey: string; flowId: string; kind: TimedTriggerKind }): Promise<void> {
  try {
    await client.schedule.getHandle(scheduleIdFor(options.environmentKey, options.flowId, options.kind)).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
}

/** Temporal refused the schedule's spec itself (a cron or time zone it cannot parse), not a failure to reach it. */
export function isRefusedSpec(error: unknown): boolean {
  // The SDK turns the server's "Invalid schedule spec" into a TypeError; other refusals keep the gRPC cause.
  if (error instanceof TypeError) return true;
  const cause = error instanceof Error ? error.cause : undefined;
  return isGrpcServiceError(cause) && cause.code === GRPC_INVALID_ARGUMENT;
}
