// One run, observed the way an operator would: a real OTLP/HTTP receiver gets one trace holding the
// webhook ingress span, the workflow, its activities and the connector's HTTP calls; the JSON log lines
// carry the run's ids and no secret; /metrics counts the outcome.
import { configureLogging, disableLogging, initTracing, metricsText, type Tracing, withSpan } from '@conduit/telemetry';
import { clientWorkflowInterceptors } from '@conduit/telemetry/temporal-client';
import { type ReceivedSpan, startOtlpReceiver } from '@conduit/telemetry/testing';
import { demoSeed } from '@conduit/streak-sandbox';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { forgetDeployments } from './client/deployments';
import { authenticateStreakWebhook, ingestStreakWebhook, type IngressDeps } from './client/ingress';
import { createConnectorRegistry } from './registry';
import { chain, createHarness, type Harness } from './test/harness';
import { createWorkers } from './worker';

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let tracing: Tracing;
let temporal: TestWorkflowEnvironment;
let h: Harness;
let worker: { workers: Worker[]; close(): Promise<void> };
let running: Promise<unknown>;
let deps: IngressDeps;
let endpointId: string;
let boxKey: string;
const lines: string[] = [];

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  tracing = initTracing({ serviceName: 'conduit-test', endpoint: receiver.endpoint })!;
  configureLogging({ level: 'debug', service: 'conduit-test', write: (line) => lines.push(line) });
  temporal = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } } });
  const taskQueue = 'observability-test';
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath'), external: { temporalAddress: temporal.address, taskQueue } });
  // The production worker wiring (bundle with interceptor modules, activity interceptors, span sink).
  worker = await createWorkers({ connection: temporal.nativeConnection, namespace: 'default', taskQueues: [taskQueue], deps: { workerId: 'test', db: h.db, secrets: h.secrets, registry: createConnectorRegistry() } });
  running = Promise.all(worker.workers.map((w) => w.run()));
  // The designer's client: starting a workflow carries the caller's trace in the workflow's headers.
  const client = new Client({ connection: temporal.connection, interceptors: { workflow: clientWorkflowInterceptors() } });
  deps = { db: h.db, secrets: h.secrets, temporal: async () => client };
  endpointId = (await h.db.environment.findUniqueOrThrow({ where: { id: h.environment.id } })).webhookEndpointId;
  const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${demoSeed().pipelineKey}/boxes`, { headers: { authorization: `Bearer ${h.sandbox.apiKey}` } }).then((r) => r.json())) as Array<{ key: string }>;
  boxKey = boxes[1]!.key;
}, 180_000);

afterAll(async () => {
  disableLogging();
  for (const w of worker?.workers ?? []) w.shutdown();
  await running;
  await worker?.close();
  await h?.close();
  await temporal?.teardown();
  await tracing?.shutdown();
  await receiver?.close();
});

/** What the designer's webhook route does: one span around authentication and ingestion. */
async function deliver(stamp: number): Promise<{ traceId: string; status: number }> {
  return withSpan('streak webhook ingress', { 'http.request.method': 'POST' }, async (span) => {
    const auth = await authenticateStreakWebhook(deps, { environmentKey: 'dev', endpointId, token: 'hook-secret', ip: '127.0.0.1' });
    if ('answer' in auth) throw new Error(auth.answer.body.message);
    const answer = await ingestStreakWebhook(deps, { env: auth.env, event: 'BOX_CHANGE_STAGE', text: JSON.stringify([{ key: boxKey, boxKey, name: 'Traced deal', stageKey: '5005', lastUpdatedTimestamp: stamp }]) });
    return { traceId: span.spanContext().traceId, status: answer.status };
  });
}

/** Both tests' flows stay deployed, so a delivery starts a run of each: pick the one of this test's flow. */
async function finishedRun(eventKey: string, flowId: string) {
  const run = await h.db.run.findFirstOrThrow({ where: { eventKey, flowId } });
  await temporal.client.workflow.getHandle(run.workflowId).result();
  return h.db.run.findUniqueOrThrow({ where: { id: run.id } });
}

async function spansOf(traceId: string, until: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  for (let i = 0; i < 50; i++) {
    await tracing.flush();
    const spans = receiver.spans.filter((s) => s.traceId === traceId);
    if (until(spans)) return spans;
    await new Promise((r) => setTimeout(r, 100));
  }
  return receiver.spans.filter((s) => s.traceId === traceId);
}

describe('observability of one run', () => {
  it('exports one trace from the ingress span through the workflow and activities to the HTTP calls', async () => {
    const flow = await h.deploy(chain([{ id: 'note', kind: 'write', config: { connector: 'streak@1', action: 'addComment', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'message', expression: '"traced by conduit"' }] } } }]));
    const { traceId, status } = await deliver(1000);
    expect(status).toBe(200);
    const run = await finishedRun(`BOX_CHANGE_STAGE:${boxKey}:1000`, flow.flowId);
    expect(run.status).toBe('succeeded');
    expect(run.traceId).toBe(traceId);

    const isPost = (x: { kind: number; attributes: Record<string, unknown> }) => x.kind === 3 && x.attributes['http.request.method'] === 'POST';
    const spans = await spansOf(traceId, (s) => s.some((x) => x.name === 'RunWorkflow:flowRun') && s.some(isPost));
    const names = spans.map((s) => s.name);
    expect(names).toContain('streak webhook ingress');
    expect(names).toContain('StartWorkflow:flowRun');
    expect(names).toContain('RunWorkflow:flowRun');
    expect(names).toContain('RunActivity:runConnectorAction');
    expect(names).toContain('RunActivity:recordRun');
    const http = spans.filter((s) => s.kind === 3 && s.attributes['conduit.connector'] === 'Streak');
    // The comment step looks for its own earlier comment (GET), then posts it.
    expect(http.map((s) => String(s.attributes['http.request.method'])).sort()).toEqual(['GET', 'POST']);
    expect(http.find(isPost)?.attributes).toMatchObject({ 'http.response.status_code': 200 });
    // Every HTTP span hangs under the connector activity's span.
    const activityIds = new Set(spans.filter((s) => s.name === 'RunActivity:runConnectorAction').map((s) => s.spanId));
    expect(http.every((s) => s.parentSpanId && activityIds.has(s.parentSpanId))).toBe(true);
    // Exported attributes hold no credential.
    expect(receiver.bodies.join('\n')).not.toContain(h.sandbox.apiKey);
  });

  it('logs the run as JSON lines with its ids and no secret, and counts it in /metrics', async () => {
    const flow = await h.deploy(chain([{ id: 'move', kind: 'write', config: { connector: 'streak@1', action: 'updateBox', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'stage', expression: '"No Such Stage"' }] } } }]));
    forgetDeployments(h.environment.id);
    const { traceId } = await deliver(2000);
    const run = await finishedRun(`BOX_CHANGE_STAGE:${boxKey}:2000`, flow.flowId);
    expect(run.status).toBe('dead_lettered');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const started = parsed.find((l) => l.msg === 'run started' && l.runId === run.id);
    expect(started).toMatchObject({ level: 'info', workflowId: run.workflowId, flowId: flow.flowId, environment: 'dev', traceId });
    const finished = parsed.find((l) => l.msg === 'run finished' && l.runId === run.id);
    expect(finished).toMatchObject({ level: 'info', status: 'dead_lettered', workflowId: run.workflowId, flowId: flow.flowId, environment: 'dev', traceId, reason: expect.any(String) });
    expect(typeof finished?.time).toBe('string');
    const failedStep = parsed.find((l) => l.msg === 'step failed' && l.workflowId === run.workflowId);
    expect(failedStep).toMatchObject({ level: 'warn', runId: run.id, flowId: flow.flowId, environment: 'dev', nodeId: 'move', traceId });
    // The run's credentials: the Streak API key, the Sage gateway token, the webhook token.
    const all = lines.join('\n');
    for (const secret of [h.sandbox.apiKey, h.gateway.token, 'hook-secret']) expect(all).not.toContain(secret);

    const metrics = await metricsText();
    expect(metrics).toContain(`conduit_runs_started_total{environment="dev",flow_id="${flow.flowId}",trigger="webhook"} 1`);
    expect(metrics).toContain(`conduit_runs_completed_total{environment="dev",flow_id="${flow.flowId}",status="dead_lettered"} 1`);
    expect(metrics).toMatch(new RegExp(`conduit_run_failures_total\\{environment="dev",flow_id="${flow.flowId}",reason="[A-Za-z_]+"\\} 1`));
    expect(metrics).toContain(`conduit_run_duration_seconds_count{environment="dev",flow_id="${flow.flowId}",status="dead_lettered"} 1`);
  });
});
