// Saving and deploying flow versions: the one path behind the designer's "save version", deploy, undeploy,
// promote and roll back, and the demo installer. Deployments are database rows plus the Streak webhooks and
// Temporal Schedules (change feeds, cron) they need; a refusal leaves the previous deployment untouched.
import type { Db, SecretBox } from '@conduit/db';
import { type Catalog, createFlowVersion } from '@conduit/flow';
import type { Client } from '@temporalio/client';
import type { EnvironmentVariables } from '../scope';
import { forgetDeployments } from './deployments';
import { isRefusedSpec, removeTriggerSchedule, scheduleIdFor, type TimedTriggerKind, timedTriggerKind, triggerSchedule, upsertTriggerSchedule } from './schedules';
import { registerStreakWebhooks, removeStreakWebhooks, streakWebhookTriggers } from './streak-webhooks';

/** A refused save or deploy, with a message that says what to do; the designer turns the code into an HTTP status. */
export class DeployError extends Error {
  override name = 'DeployError';
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'BAD_REQUEST' | 'PRECONDITION_FAILED' | 'SERVICE_UNAVAILABLE',
    message: string,
  ) {
    super(message);
  }
}

const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as object;

/**
 * Freezes a graph as the flow's next version (validated, compiled, hashed) and keeps it as the draft. Saving
 * the same content again returns the latest version instead of a copy.
 */
export async function saveFlowVersion(db: Db, opts: { flowId: string; graph: unknown; draft?: unknown; message: string; catalog: Catalog; userId?: string }) {
  const result = createFlowVersion(opts.graph, opts.catalog);
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    throw new DeployError('BAD_REQUEST', `The flow has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix first (see the problems list): ${errors[0]?.message ?? ''}`);
  }
  const { version } = result;
  return db.$transaction(async (tx) => {
    await tx.flow.update({ where: { id: opts.flowId }, data: { draft: json(opts.draft ?? opts.graph) } });
    const latest = await tx.flowVersion.findFirst({ where: { flowId: opts.flowId }, orderBy: { number: 'desc' }, select: { id: true, number: true, contentHash: true } });
    if (latest?.contentHash === version.hash) return { id: latest.id, number: latest.number, created: false, warnings: result.warnings.length };
    const row = await tx.flowVersion.create({
      data: { flowId: opts.flowId, number: (latest?.number ?? 0) + 1, message: opts.message, graph: json(version.graph), plan: json(version.plan), contentHash: version.hash, createdById: opts.userId ?? null },
      select: { id: true, number: true },
    });
    return { id: row.id, number: row.number, created: true, warnings: result.warnings.length };
  });
}

export interface DeployContext {
  db: Db;
  secrets: SecretBox;
  workspaceId: string;
  /** Who deploys; none for the demo installer. */
  userId?: string;
  /** The designer's public base URL; Streak posts events to it. */
  publicUrl: string;
  /** Temporal, for change-feed and cron schedules; deployments of webhook-triggered flows do not need it. */
  temporal?: () => Promise<Client>;
}

const SCHEDULE_NAME: Record<TimedTriggerKind, string> = { changeFeed: 'change-feed', schedule: 'cron' };

/** Creates or replaces the Temporal Schedule a change-feed or schedule trigger runs on, before the deployment is written. */
async function scheduleTrigger(c: DeployContext, environment: { id: string; key: string; name: string; taskQueue: string; variables: unknown }, version: { id: string; flowId: string; graph: unknown; plan: unknown }): Promise<TimedTriggerKind | undefined> {
  const schedule = triggerSchedule({ environment: { id: environment.id, key: environment.key, taskQueue: environment.taskQueue, variables: (environment.variables ?? {}) as EnvironmentVariables }, flowId: version.flowId, versionId: version.id, graph: version.graph, plan: version.plan });
  if (!schedule) return undefined;
  if (!c.temporal) throw new DeployError('SERVICE_UNAVAILABLE', `This flow ${schedule.kind === 'changeFeed' ? 'polls a change feed' : 'runs on a schedule'}, which needs the engine; start it and deploy again.`);
  try {
    await upsertTriggerSchedule(await c.temporal(), schedule);
  } catch (err) {
    if (isRefusedSpec(err)) throw new DeployError('BAD_REQUEST', `The trigger "${schedule.label}" has a schedule the engine cannot run (${(err as Error).message}); fix its cron or time zone, save and deploy again.`);
    throw new DeployError('SERVICE_UNAVAILABLE', `The engine did not take the ${SCHEDULE_NAME[schedule.kind]} schedule for ${environment.name} (${(err as Error).message}); deploy again once it is reachable.`);
  }
  return schedule.kind;
}

/** Deletes a schedule the flow no longer runs on; a failure is a warning (its fires find no deployment and start nothing). */
async function removeSchedule(c: DeployContext, opts: { environmentId: string; flowId: string; kind: TimedTriggerKind | undefined }): Promise<string[]> {
  if (!c.temporal || !opts.kind) return [];
  const environment = await c.db.environment.findUniqueOrThrow({ where: { id: opts.environmentId }, select: { key: true } });
  try {
    await removeTriggerSchedule(await c.temporal(), { environmentKey: environment.key, flowId: opts.flowId, kind: opts.kind });
    return [];
  } catch (err) {
    return [`The ${SCHEDULE_NAME[opts.kind]} schedule could not be removed (${(err as Error).message}); it fires until removed, and its fires find no deployment.`];
  }
}

/**
 * Polls a change feed once as soon as its deployment is live. A feed's first poll sets its starting point
 * ("from now on"), so waiting for the schedule's first interval would skip every change made in between.
 */
async function firstPoll(c: DeployContext, opts: { environmentKey: string; flowId: string }): Promise<string[]> {
  try {
    await (await c.temporal!()).schedule.getHandle(scheduleIdFor(opts.environmentKey, opts.flowId, 'changeFeed')).trigger();
    return [];
  } catch (err) {
    return [`The change feed's first poll could not be started now (${(err as Error).message}); it starts with the schedule's next interval, and changes made until then are not seen.`];
  }
}

const streakConnectionOf = (db: Db, environmentId: string) => db.connection.findFirst({ where: { environmentId, kind: 'streak' }, orderBy: { createdAt: 'asc' } });

/**
 * Makes a version the active one of its flow in an environment. New Streak webhooks are registered
 * before anything is written (a refusal leaves the old deployment untouched); the old deployment's
 * webhooks are removed afterwards. Returns warnings a person should see (e.g. a webhook left behind).
 */
export async function deployVersion(c: DeployContext, opts: { environmentId: string; flowVersionId: string }) {
  const environment = await c.db.environment.findFirst({ where: { id: opts.environmentId, workspaceId: c.workspaceId } });
  if (!environment) throw new DeployError('NOT_FOUND', 'That environment does not exist.');
  const version = await c.db.flowVersion.findFirst({ where: { id: opts.flowVersionId, flow: { workspaceId: c.workspaceId } } });
  if (!version) throw new DeployError('NOT_FOUND', 'That flow version does not exist.');
  let webhookKeys: string[] = [];
  if (streakWebhookTriggers(version.graph).length > 0) {
    const row = await streakConnectionOf(c.db, environment.id);
    if (!row) throw new DeployError('PRECONDITION_FAILED', `This flow starts on Streak events: add a Streak connection to ${environment.name} first, then deploy.`);
    const target = { targetUrl: `${c.publicUrl.replace(/\/$/, '')}/api/hooks/streak/${environment.key}/${environment.webhookEndpointId}`, token: c.secrets.decrypt(environment.webhookSecretEnc) };
    try {
      webhookKeys = await registerStreakWebhooks({ row, secrets: c.secrets, graph: version.graph, target });
    } catch (err) {
      throw new DeployError('PRECONDITION_FAILED', `Streak refused the webhook for ${environment.name}: ${(err as Error).message}. Test the Streak connection, then deploy again.`);
    }
  }
  const kind = await scheduleTrigger(c, environment, version);
  const { previous, deployment } = await c.db.$transaction(async (tx) => {
    const previous = await tx.deployment.findFirst({ where: { environmentId: environment.id, flowId: version.flowId, active: true }, include: { flowVersion: true } });
    if (previous) await tx.deployment.update({ where: { id: previous.id }, data: { active: false, undeployedAt: new Date() } });
    const deployment = await tx.deployment.create({ data: { environmentId: environment.id, flowId: version.flowId, flowVersionId: version.id, webhookKeys, deployedById: c.userId ?? null } });
    return { previous, deployment };
  });
  // The webhook ingress caches which versions are live; make it look again now.
  forgetDeployments(environment.id);
  const warnings = previous ? await removeWebhooksOf(c, { environmentId: environment.id, graph: previous.flowVersion.graph, keys: previous.webhookKeys }) : [];
  if (kind === 'changeFeed') warnings.push(...(await firstPoll(c, { environmentKey: environment.key, flowId: version.flowId })));
  // A version with another trigger kind leaves the previous kind's schedule behind otherwise.
  const previousKind = previous ? timedTriggerKind(previous.flowVersion.graph) : undefined;
  if (previousKind !== kind) warnings.push(...(await removeSchedule(c, { environmentId: environment.id, flowId: version.flowId, kind: previousKind })));
  return { environment, version, previous, deployment, warnings };
}

/** Stops a flow in an environment: the active deployment is closed, its webhooks and schedule removed. */
export async function undeploy(c: DeployContext, opts: { environmentId: string; flowId: string }) {
  const active = await c.db.deployment.findFirst({ where: { environmentId: opts.environmentId, flowId: opts.flowId, active: true, environment: { workspaceId: c.workspaceId } }, include: { flowVersion: true } });
  if (!active) throw new DeployError('CONFLICT', 'This flow is not deployed in that environment.');
  await c.db.deployment.update({ where: { id: active.id }, data: { active: false, undeployedAt: new Date() } });
  forgetDeployments(opts.environmentId);
  const warnings = await removeWebhooksOf(c, { environmentId: opts.environmentId, graph: active.flowVersion.graph, keys: active.webhookKeys });
  warnings.push(...(await removeSchedule(c, { environmentId: opts.environmentId, flowId: opts.flowId, kind: timedTriggerKind(active.flowVersion.graph) })));
  return { deployment: active, warnings };
}

async function removeWebhooksOf(c: DeployContext, opts: { environmentId: string; graph: unknown; keys: string[] }): Promise<string[]> {
  if (opts.keys.length === 0) return [];
  const row = await streakConnectionOf(c.db, opts.environmentId);
  if (!row) return [`The Streak connection is gone, so webhooks ${opts.keys.join(', ')} could not be removed; delete them in Streak.`];
  try {
    await removeStreakWebhooks({ row, secrets: c.secrets, graph: opts.graph, keys: opts.keys });
    return [];
  } catch (err) {
    return [`Streak webhooks ${opts.keys.join(', ')} could not be removed (${(err as Error).message}); delete them in Streak.`];
  }
}
