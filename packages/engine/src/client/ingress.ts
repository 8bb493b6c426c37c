// Webhook ingress for Streak: authenticate (constant time, before the body is read), parse strictly,
// dedupe by event key, record the event and its queued runs in one statement, answer, then start the
// workflows in the background. A redelivery answers 200 and starts nothing. A start that fails (engine down)
// or never happens (process died) leaves the run queued; the worker's sweeper starts it (../sweeper.ts).
import { timingSafeEqual, createHash } from 'node:crypto';
import type { Db, SecretBox } from '@conduit/db';
import type { Client } from '@temporalio/client';
import { ipAllowed } from '@conduit/connector-kit';
import { parseConnectorRef, type TriggerConfig } from '@conduit/flow';
import { createConnectorRegistry } from '../registry';
import { type Echo, echoMessage, findEchoes } from '../activities/echo';
import { deployedFlows, matchWebhook } from './deployments';
import { streakEventKey } from './event-key';
import { MAX_JSON_DEPTH, nestsDeeperThan, parseStorableJson } from './delivery-json';
import { planRuns, queuedRunRow, type RecordedRun } from './start';
import { startInBackground } from './starter';
import type { EnvironmentVariables } from '../scope';

export interface IngressDeps {
  db: Db;
  secrets: SecretBox;
  temporal: () => Promise<Client>;
}

export interface IngressAnswer {
  status: number;
  body: { ok: boolean; message: string; events?: number; duplicates?: number; runsStarted?: number; echoes?: number };
}

export interface AuthenticatedEnvironment {
  id: string;
  key: string;
  taskQueue: string;
  variables: EnvironmentVariables;
}

export const STREAK_EVENTS = ['BOX_CREATE', 'BOX_DELETE', 'STAGE_CREATE', 'BOX_NEW_EMAIL_ADDRESS', 'BOX_EDIT', 'BOX_CHANGE_STAGE', 'BOX_CHANGE_PIPELINE', 'COMMENT_CREATE', 'MEETING_CREATE', 'MEETING_UPDATE', 'TASK_CREATE', 'TASK_COMPLETE', 'TASK_DUE', 'CONTACT_CREATE', 'CONTACT_UPDATE', 'CONTACT_DELETE', 'ORG_CREATE', 'ORG_UPDATE', 'ORG_DELETE'] as const;

const answer = (status: number, message: string, extra: Omit<IngressAnswer['body'], 'ok' | 'message'> = {}): IngressAnswer => ({ status, body: { ok: status === 200, message, ...extra } });

const envCache = new Map<string, { at: number; env: (AuthenticatedEnvironment & { secretDigest: Buffer; ipAllowlist: string[] }) | null }>();
const ENV_TTL_MS = 5_000;

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Checks endpoint, environment, IP allowlist and token. Reads nothing from the request body. */
export async function authenticateStreakWebhook(
  deps: IngressDeps,
  req: { environmentKey: string; endpointId: string; token: string | null; ip: string | null },
): Promise<{ env: AuthenticatedEnvironment } | { answer: IngressAnswer }> {
  let hit = envCache.get(req.endpointId);
  if (!hit || Date.now() - hit.at > ENV_TTL_MS) {
    const row = await deps.db.environment.findUnique({ where: { webhookEndpointId: req.endpointId } });
    hit = {
      at: Date.now(),
      env: row
        ? { id: row.id, key: row.key, taskQueue: row.taskQueue, variables: (row.variables ?? {}) as EnvironmentVariables, secretDigest: digest(deps.secrets.decrypt(row.webhookSecretEnc)), ipAllowlist: row.ipAllowlist }
        : null,
    };
    // Only real endpoints are cached: anyone can send requests to made-up endpoint ids, and caching
    // those misses would let them grow this map without bound.
    if (hit.env) envCache.set(req.endpointId, hit);
  }
  const env = hit.env;
  if (!env || env.key !== req.environmentKey) return { answer: answer(404, 'No webhook endpoint at this address.') };
  if (!ipAllowed(env.ipAllowlist, req.ip)) return { answer: answer(403, `${req.ip ?? 'An unknown address'} is not on the IP allowlist of environment ${env.key}; an admin can add it under Environments.`) };
  // Compare digests so the comparison takes the same time whatever the token's length.
  if (!req.token || !timingSafeEqual(digest(req.token), env.secretDigest)) return { answer: answer(401, 'Missing or wrong X-Streak-Webhook-Token.') };
  return { env: { id: env.id, key: env.key, taskQueue: env.taskQueue, variables: env.variables } };
}

const MAX_OBJECTS = 500;
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

export function parseStreakDelivery(text: string): { ok: true; objects: Array<Record<string, unknown>> } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = parseStorableJson(text);
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).` };
  }
  if (nestsDeeperThan(json, MAX_JSON_DEPTH)) return { ok: false, message: `The body nests deeper than ${MAX_JSON_DEPTH} levels; Streak's deliveries never do.` };
  // Checked by hand rather than with zod: this runs on every delivery, and the shape is this simple.
  const shape = 'The body must be a JSON array of objects, as Streak sends';
  if (!Array.isArray(json)) return { ok: false, message: `${shape}.` };
  if (!json.length) return { ok: false, message: `${shape}: the body is an empty array.` };
  if (json.length > MAX_OBJECTS) return { ok: false, message: `${shape}: a delivery holds at most ${MAX_OBJECTS} objects.` };
  const bad = json.findIndex((o) => typeOf(o) !== 'object');
  if (bad >= 0) return { ok: false, message: `${shape}: expected an object, got ${typeOf(json[bad])} at [${bad}].` };
  return { ok: true, objects: json as Array<Record<string, unknown>> };
}

export async function ingestStreakWebhook(deps: IngressDeps, req: { env: AuthenticatedEnvironment; event: string | null; text: string }): Promise<IngressAnswer> {
  if (!req.event || !(STREAK_EVENTS as readonly string[]).includes(req.event)) {
    return answer(400, `Unknown or missing event "${req.event ?? ''}"; the subscription URL carries ?event=<Streak event name>.`);
  }
  const parsed = parseStreakDelivery(req.text);
  if (!parsed.ok) return answer(400, parsed.message);
  const event = req.event;

  const flows = await deployedFlows(deps.db, req.env.id);
  const events = parsed.objects.map((payload) => ({ payload, eventKey: streakEventKey(event, payload) }));
  const matched = events.map((e) => matchWebhook(flows, { connector: 'streak', event, payload: e.payload, env: req.env.variables }));
  // Our own writes coming back start nothing; asked only when some flow would start.
  const echoes = matched.some((m) => m.length) ? await findEchoes(deps.db, req.env.id, 'streak', events.map((e) => e.payload)) : new Map<number, Echo>();
  let freshCount = 0;
  const toStart: RecordedRun[] = [];
  for (const [i, e] of events.entries()) {
    const runs = planRuns(
      req.env,
      (matched[i] ?? []).map((f) => ({
        flow: f,
        trigger: { kind: 'webhook' as const, event, eventKey: e.eventKey, payload: connectorPayload(f.trigger, event, e.payload) },
      })),
    );
    const echo = echoes.get(i);
    const rows = runs.map((r) => queuedRunRow(req.env, r)).map((r) => ({ id: r.id, flow_id: r.flowId, flow_version_id: r.flowVersionId, workflow_id: r.workflowId, search_keys: r.searchKeys, error: echo ? echoMessage(echo) : null, trace_id: r.traceId }));
    // One statement records the event and its queued runs together, or nothing when the event is a duplicate.
    // An echo's runs are recorded finished (cancelled, the reason as their error) so the drop is visible.
    const [row] = await deps.db.$queryRaw<Array<{ fresh: number }>>`
      WITH ev AS (
        INSERT INTO webhook_event (id, environment_id, event_key, event_type, payload, runs_started)
        VALUES (gen_random_uuid(), ${req.env.id}::uuid, ${e.eventKey}, ${event}, ${JSON.stringify(e.payload)}::jsonb, ${echo ? 0 : runs.length})
        ON CONFLICT (environment_id, event_key) DO NOTHING RETURNING id),
      runs AS (
        INSERT INTO run (id, environment_id, flow_id, flow_version_id, workflow_id, event_key, trigger_kind, status, search_keys, error, finished_at, duration_ms, trace_id)
        SELECT r.id, ${req.env.id}::uuid, r.flow_id, r.flow_version_id, r.workflow_id, ${e.eventKey}, 'webhook', ${echo ? 'cancelled' : 'queued'}::"RunStatus", r.search_keys,
               r.error, CASE WHEN r.error IS NULL THEN NULL ELSE now() END, CASE WHEN r.error IS NULL THEN NULL ELSE 0 END, r.trace_id
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, flow_id uuid, flow_version_id uuid, workflow_id text, search_keys text[], error text, trace_id text)
        WHERE EXISTS (SELECT 1 FROM ev) RETURNING id)
      SELECT (SELECT count(*) FROM ev)::int AS fresh, (SELECT count(*) FROM runs)::int AS runs`;
    if (row?.fresh) {
      freshCount += 1;
      if (!echo) toStart.push(...runs);
    }
  }
  // Answered now: the event and its queued runs are committed. Duplicates start nothing (the first delivery's
  // start, or the sweeper, owns their runs).
  void startInBackground(deps.temporal, req.env, toStart);
  const counts = { events: freshCount, duplicates: events.length - freshCount, runsStarted: toStart.length, ...(echoes.size ? { echoes: echoes.size } : {}) };
  return answer(200, freshCount ? 'Accepted.' : 'Already received; nothing new started.', counts);
}

const registry = createConnectorRegistry();

/**
 * What the flow sees as `trigger`: the connector trigger's own payload shape (the one the designer showed
 * when mapping), or the object as delivered when the flow names a raw Streak event.
 */
export function connectorPayload(t: TriggerConfig, event: string, object: Record<string, unknown>): unknown {
  if (t.type !== 'webhook') return object;
  const { connector, version } = parseConnectorRef(t.connector);
  const trigger = registry.has(connector, version) ? registry.get(connector, version).triggers.find((d) => d.key === t.event) : undefined;
  if (!trigger?.webhook) return object;
  const config = trigger.config.safeParse({ ...t.params, event });
  if (!config.success) return object;
  return trigger.webhook.events({ config: config.data, body: [object] })[0]?.payload ?? object;
}
