// A real stack for engine tests: its own PostgreSQL database, the Temporal time-skipping test server,
// the Streak sandbox over HTTP, and a worker with the production activities.
import { randomBytes } from 'node:crypto';
import { type Catalog, compileFlow, type FlowGraph, hashFlow, type Plan } from '@conduit/flow';
import { createDb, createSecretBox, type Db, generateSecretKey, type SecretBox } from '@conduit/db';
import { createTestDatabase, type TestDatabase } from '@conduit/db/tools';
import { startGateway, type RunningGateway } from '@conduit/sage100-gateway';
import { startSandbox, type Sandbox } from '@conduit/streak-sandbox';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, type NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { type ActivityDeps, createActivities } from '../activities';
import { recordQueuedRuns, startWorkflows, type StartEnvironment } from '../client/start';
import type { FlowRunTrigger } from '../client/flow-input';
import { createConnectorRegistry } from '../registry';
import { productionBundle } from '../worker';
import type { RunOutcome } from '../workflows/flow-run';

const registry = createConnectorRegistry();

/**
 * Engine tests compile real graphs with loose typing (the engine itself never validates): any action is
 * accepted, and a trigger is a change feed when its connector polls it rather than taking webhooks.
 */
export const permissiveCatalog: Catalog = {
  getAction: (_c, _v, key) => ({ kind: /^(get|find|list|search)/.test(key) ? 'read' : 'write', inputSchema: {}, outputSchema: {}, requiredInputs: [] }),
  getTrigger: (connector, version, key) => {
    const t = registry.has(connector, version) ? registry.get(connector, version).triggers.find((x) => x.key === key) : undefined;
    return { kind: t && !t.webhook && t.poll ? 'changeFeed' : 'webhook', outputSchema: {} };
  },
};

export interface Harness {
  /** `sleep` skips time on the time-skipping test server. */
  temporal: { client: Client; nativeConnection?: NativeConnection; sleep?(ms: number): Promise<void>; teardown(): Promise<void> };
  db: Db;
  /** This test's own database. */
  databaseUrl: string;
  secrets: SecretBox;
  sandbox: Sandbox;
  gateway: RunningGateway;
  environment: StartEnvironment;
  workspaceId: string;
  taskQueue: string;
  /** The in-process worker (absent when the test runs its own worker processes). */
  worker?: Worker;
  /** Compiles and deploys a graph; with `flowId`, as the next version of that flow (replacing its deployment). */
  deploy(graph: FlowGraph, options?: { flowId?: string }): Promise<{ flowId: string; versionId: string; plan: Plan }>;
  start(flow: { flowId: string; versionId: string; plan: Plan }, trigger: FlowRunTrigger): Promise<{ runId: string; workflowId: string }>;
  result(workflowId: string): Promise<RunOutcome>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  databaseUrl: string;
  temporalTestServerPath: string;
  variables?: Record<string, string | number | boolean>;
  /** Use a running Temporal server and run no worker in this process (durability tests run their own). */
  external?: { temporalAddress: string; taskQueue: string };
  secretKey?: string;
  /** Where the worker's e-mail goes (the worker's CONDUIT_SMTP_URL and CONDUIT_DESIGNER_URL). */
  mail?: Pick<ActivityDeps, 'mail' | 'designerUrl'>;
}

export async function createHarness(options: HarnessOptions): Promise<Harness> {
  quietTemporal();
  const tdb: TestDatabase = await createTestDatabase(options.databaseUrl);
  const db = createDb({ databaseUrl: tdb.url, maxConnections: 4 });
  const secrets = createSecretBox(options.secretKey ?? generateSecretKey());
  const sandbox = await startSandbox({ port: 0, dataFile: null });
  const gateway = await startGateway({ port: 0, dataFile: null });
  const temporal: Harness['temporal'] = options.external
    ? await externalTemporal(options.external.temporalAddress)
    : await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: options.temporalTestServerPath } } });
  const taskQueue = options.external?.taskQueue ?? `engine-test-${randomBytes(4).toString('hex')}`;

  const workspace = await db.workspace.create({ data: { name: 'Engine test', slug: `t-${randomBytes(4).toString('hex')}` } });
  const env = await db.environment.create({
    data: { workspaceId: workspace.id, key: 'dev', name: 'Development', taskQueue, webhookSecretEnc: secrets.encrypt('hook-secret'), webhookEndpointId: randomBytes(8).toString('hex'), variables: options.variables ?? { approvalThreshold: 10000 } },
  });
  await db.connection.create({
    data: { environmentId: env.id, kind: 'streak', name: 'Streak sandbox', config: { baseUrl: `${sandbox.url}/api`, allowPrivateHost: true, requestsPerSecond: 500 }, secretEnc: secrets.encrypt(sandbox.apiKey), secretKeyId: secrets.activeKeyId },
  });
  await db.connection.create({
    data: { environmentId: env.id, kind: 'sage100', name: 'Sage 100', config: { baseUrl: gateway.url, company: 'ABC', allowPrivateHost: true, requestsPerSecond: 500 }, secretEnc: secrets.encrypt(gateway.token), secretKeyId: secrets.activeKeyId },
  });
  const { close: closeActivities, ...activities } = createActivities({ workerId: 'test', db, secrets, registry: createConnectorRegistry(), ...options.mail });
  // The same bundle the production worker runs (preloaded modules included).
  const worker = temporal.nativeConnection ? await Worker.create({ connection: temporal.nativeConnection, taskQueue, workflowBundle: await productionBundle(), activities }) : undefined;
  const running = worker?.run();
  const environment: StartEnvironment = { id: env.id, key: env.key, taskQueue, variables: (options.variables ?? { approvalThreshold: 10000 }) as StartEnvironment['variables'] };
  let flowNo = 0;

  return {
    temporal,
    db,
    databaseUrl: tdb.url,
    secrets,
    sandbox,
    gateway,
    environment,
    workspaceId: workspace.id,
    taskQueue,
    ...(worker ? { worker } : {}),
    async deploy(graph, deployOptions = {}) {
      const compiled = compileFlow(graph, permissiveCatalog);
      if (!compiled.ok) throw new Error(`test flow does not compile: ${JSON.stringify(compiled.problems)}`);
      const flowId = deployOptions.flowId ?? (await db.flow.create({ data: { workspaceId: workspace.id, name: `flow ${++flowNo}`, draft: graph as object } })).id;
      const number = (await db.flowVersion.count({ where: { flowId } })) + 1;
      const version = await db.flowVersion.create({ data: { flowId, number, graph: graph as object, plan: compiled.plan as object, contentHash: hashFlow(graph) } });
      await db.deployment.updateMany({ where: { flowId, environmentId: env.id }, data: { active: false } });
      await db.deployment.create({ data: { environmentId: env.id, flowId, flowVersionId: version.id } });
      return { flowId, versionId: version.id, plan: compiled.plan };
    },
    async start(flow, trigger) {
      const [run] = await recordQueuedRuns(db, environment, [{ flow, trigger }]);
      if (!run) throw new Error('no run recorded');
      const started = await startWorkflows(async () => temporal.client, environment, [run]);
      if (started.failed) throw new Error(started.errors.join('; '));
      return { runId: run.runId, workflowId: run.workflowId };
    },
    result: (workflowId) => temporal.client.workflow.getHandle(workflowId).result() as Promise<RunOutcome>,
    async close() {
      worker?.shutdown();
      await running;
      await closeActivities();
      await temporal.teardown();
      await sandbox.close();
      await gateway.close();
      await db.$disconnect();
      await tdb.drop();
    },
  };
}

let nodeSeq = 0;
/** Small graph builder for tests: a chain of nodes after a webhook trigger. */
export function chain(nodes: Array<Omit<FlowGraph['nodes'][number], 'position' | 'label'> & { label?: string }>): FlowGraph {
  const all = [{ id: 'trigger', kind: 'trigger', config: { type: 'webhook', connector: 'streak@1', event: 'BOX_CHANGE_STAGE' } }, ...nodes].map((n, i) => ({ label: n.id, position: { x: i * 200, y: 0 }, ...n }));
  const edges = all.slice(1).map((n, i) => ({ id: `e${++nodeSeq}`, source: all[i]!.id, sourcePort: 'out', target: n.id, targetPort: 'in' }));
  return { schemaVersion: 1, nodes: all as FlowGraph['nodes'], edges };
}

/** Quiet Temporal's own logging in tests; failures we care about are asserted, not printed. */
export function quietTemporal(): void {
  try {
    Runtime.install({ logger: new DefaultLogger(process.env.CONDUIT_TEMPORAL_LOG === 'warn' ? 'WARN' : 'ERROR') });
  } catch {
    // already installed in this test process
  }
}

async function externalTemporal(address: string): Promise<Harness['temporal']> {
  const connection = await Connection.connect({ address });
  return { client: new Client({ connection }), teardown: () => connection.close() };
}
