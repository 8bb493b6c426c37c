// Example flows and runs shaped like the engine writes them: used by the tests, by `conduit-flows
// demo-runs` (demos, screenshots, browser tests) and nowhere in production paths.
import type { Db, Prisma, RunStatus } from '@conduit/db';

/** A Closed-Won → Sales Order graph: Streak stage change, map, customer lookup, approval over a threshold, order write. */
export function demoGraph(
  opts: {
    orderMapping?: Record<string, string>;
    event?: string;
    pipelineKey?: string;
    manual?: boolean;
  } = {},
) {
  const orderFields = Object.entries(
    opts.orderMapping ?? { CustomerNo: 'customer.CustomerNo', CustomerPONo: 'box.name' },
  ).map(([target, source]) => ({ target, source }));
  return {
    schemaVersion: 1,
    nodes: [
      {
        id: 'trigger',
        kind: 'trigger',
        label: 'Deal won',
        position: { x: 0, y: 0 },
        config: opts.manual
          ? { type: 'manual' }
          : {
              type: 'webhook',
              connector: 'streak@1',
              event: 'boxEvent',
              params: { event: opts.event ?? 'BOX_CHANGE_STAGE', pipelineKey: opts.pipelineKey ?? 'pipe1' },
            },
      },
      {
        id: 'lookup',
        kind: 'lookup',
        label: 'Find customer',
        position: { x: 220, y: 0 },
        config: {
          connector: 'sage100@1',
          action: 'findCustomer',
          inputs: { fields: [{ target: 'name', source: 'box.name' }] },
        },
      },
      {
        id: 'approval',
        kind: 'approval',
        label: 'Approve large deal',
        position: { x: 440, y: 0 },
        config: { message: '"Deal over threshold"', timeoutMs: 86_400_000, onTimeout: 'reject' },
      },
      {
        id: 'order',
        kind: 'write',
        label: 'Create sales order',
        position: { x: 660, y: 0 },
        config: { connector: 'sage100@1', action: 'createSalesOrder', inputs: { fields: orderFields } },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'lookup', targetPort: 'in' },
      { id: 'e2', source: 'lookup', sourcePort: 'out', target: 'approval', targetPort: 'in' },
      { id: 'e3', source: 'approval', sourcePort: 'approved', target: 'order', targetPort: 'in' },
    ],
  };
}

export async function seedFlow(db: Db, opts: { workspaceId: string; name: string; graphs: unknown[] }) {
  const flow = await db.flow.create({
    data: {
      workspaceId: opts.workspaceId,
      name: opts.name,
      draft: opts.graphs[opts.graphs.length - 1] as Prisma.InputJsonValue,
    },
  });
  const versions = [];
  for (const [i, graph] of opts.graphs.entries()) {
    versions.push(
      await db.flowVersion.create({
        data: {
          flowId: flow.id,
          number: i + 1,
          message: `v${i + 1}`,
          graph: graph as Prisma.InputJsonValue,
          plan: { steps: [] },
          contentHash: `hash-${flow.id}-${i + 1}`,
        },
      }),
    );
  }
  return { flow, versions };
}

export async function seedRun(
  db: Db,
  opts: {
    environmentId: string;
    flowVersion: { id: string; flowId: string };
    status: RunStatus;
    searchKeys?: string[];
    startedAt?: Date;
    deadLetter?: { reasonCode: string; message: string; suggestion: string };
    approval?: { summary: Prisma.InputJsonValue; expiresAt?: Date };
  },
) {
  const startedAt = opts.startedAt ?? new Date();
  const finished = ['succeeded', 'failed', 'dead_lettered', 'cancelled'].includes(opts.status);
  const run = await db.run.create({
    data: {
      environmentId: opts.environmentId,
      flowId: opts.flowVersion.flowId,
      flowVersionId: opts.flowVersion.id,
      workflowId: `wf-${crypto.randomUUID()}`,
      eventKey: `BOX_CHANGE_STAGE:${opts.searchKeys?.[0] ?? 'x'}:1`,
      triggerKind: 'webhook',
      status: opts.status,
      searchKeys: opts.searchKeys ?? [],
      startedAt,
      ...(finished ? { finishedAt: new Date(startedAt.getTime() + 1200), durationMs: 1200 } : {}),
      ...(opts.deadLetter ? { error: opts.deadLetter.message } : {}),
    },
  });
  await db.runStep.create({
    data: {
      runId: run.id,
      nodeId: 'trigger',
      seq: 0,
      status: 'succeeded',
      startedAt,
      finishedAt: startedAt,
      durationMs: 1,
      // Shaped like a Streak box event payload: the engine takes search keys (boxKey, name) from it on a
      // replay. The apiKey shows that a secret that slipped into a payload is masked on display.
      output: {
        boxKey: opts.searchKeys?.[0] ?? 'b1',
        name: 'Acme',
        stage: 'Closed-Won',
        apiKey: 'leaked-secret',
      },
    },
  });
  // The steps before the failing order write succeeded, as in a real run of the demo graph.
  const lookup = {
    runId: run.id,
    nodeId: 'lookup',
    seq: 1,
    status: 'succeeded' as const,
    startedAt,
    durationMs: 140,
    input: { name: 'Acme' },
    output: { CustomerNo: '01-ABF', CreditHold: 'Y' },
  };
  if (opts.deadLetter || opts.approval) await db.runStep.create({ data: lookup });
  if (opts.deadLetter) {
    await db.runStep.create({
      data: {
        runId: run.id,
        nodeId: 'approval',
        seq: 2,
        status: 'succeeded',
        startedAt,
        durationMs: 5,
        output: { approved: true, by: 'rule: under threshold' },
      },
    });
    await db.runStep.create({
      data: {
        runId: run.id,
        nodeId: 'order',
        seq: 3,
        status: 'failed',
        attempts: 3,
        startedAt,
        durationMs: 800,
        input: { CustomerNo: '01-ABF' },
        error: {
          type: 'PermanentError',
          reason: 'validation',
          message: opts.deadLetter.message,
          remoteMessage: opts.deadLetter.message,
        },
      },
    });
    await db.deadLetter.create({
      data: { runId: run.id, nodeId: 'order', input: { CustomerNo: '01-ABF' }, ...opts.deadLetter },
    });
  }
  if (opts.approval) {
    await db.runStep.create({
      data: { runId: run.id, nodeId: 'approval', seq: 2, status: 'waiting', startedAt },
    });
    await db.approval.create({
      data: {
        runId: run.id,
        nodeId: 'approval',
        summary: opts.approval.summary,
        reason: 'Deal over $10,000',
        expiresAt: opts.approval.expiresAt ?? null,
      },
    });
  }
  return run;
}

export interface DemoScenario {
  flowId: string;
  flowName: string;
  boxKey: string;
  failedRunId: string;
  deadLetterId: string;
  approvalId: string;
  approvalRunId: string;
}

const MINUTE = 60_000;

/**
 * One flow (v1 maps the Sage customer from a box field that is empty, so orders fail) deployed in dev,
 * a handful of good runs, one dead-lettered run and one run waiting for approval of a large deal.
 * `tag` keeps names and keys unique so every browser test seeds its own data.
 */
export async function seedDemoScenario(
  db: Db,
  opts: { workspaceId: string; tag: string },
): Promise<DemoScenario> {
  const dev = await db.environment.findFirstOrThrow({ where: { workspaceId: opts.workspaceId, key: 'dev' } });
  const flowName = `Closed-Won → Sales Order ${opts.tag}`;
  const { flow, versions } = await seedFlow(db, {
    workspaceId: opts.workspaceId,
    name: flowName,
    graphs: [
      demoGraph({
        manual: true,
        orderMapping: { CustomerNo: 'box.fields.sageCustomerNo', CustomerPONo: 'box.name' },
      }),
    ],
  });
  const version = versions[0]!;
  await db.deployment.create({ data: { environmentId: dev.id, flowId: flow.id, flowVersionId: version.id } });
  const now = Date.now();
  for (let i = 0; i < 6; i++) {
    const run = await seedRun(db, {
      environmentId: dev.id,
      flowVersion: version,
      status: 'succeeded',
      searchKeys: [`OK-${opts.tag}-${i}`, `00${4100 + i}`],
      startedAt: new Date(now - (i + 2) * 7 * MINUTE),
    });
    await db.run.update({ where: { id: run.id }, data: { durationMs: 900 + i * 350 } });
  }
  const boxKey = `BOX-${opts.tag}`;
  const failed = await seedRun(db, {
    environmentId: dev.id,
    flowVersion: version,
    status: 'dead_lettered',
    searchKeys: [boxKey, '01-ABF'],
    startedAt: new Date(now - 5 * MINUTE),
    deadLetter: {
      reasonCode: 'VALIDATION',
      message: `Sage 100: sales order for box ${boxKey} fails: CustomerNo is required (the mapping read box.fields.sageCustomerNo, which is empty)`,
      suggestion: 'The value for CustomerNo was refused: fix the mapping or the source record, then replay.',
    },
  });
  const deadLetter = await db.deadLetter.findFirstOrThrow({ where: { runId: failed.id } });
  const waiting = await seedRun(db, {
    environmentId: dev.id,
    flowVersion: version,
    status: 'waiting',
    searchKeys: [`BIG-${opts.tag}`],
    startedAt: new Date(now - 3 * MINUTE),
    approval: {
      expiresAt: new Date(now + 2 * 86_400_000),
      summary: {
        deal: {
          name: `Acme Corp ${opts.tag}`,
          amount: 25_000,
          currency: 'USD',
          stage: 'Closed-Won',
          owner: 'sam@northwind.example',
        },
        order: {
          CustomerNo: '01-ABF',
          CustomerPONo: `Acme Corp ${opts.tag}`,
          total: 25_000,
          lines: [
            { ItemCode: 'WIDGET-100', Quantity: 200, UnitPrice: 100 },
            { ItemCode: 'SETUP', Quantity: 1, UnitPrice: 5000 },
          ],
        },
      },
    },
  });
  const approval = await db.approval.findFirstOrThrow({ where: { runId: waiting.id } });
  await db.approval.update({ where: { id: approval.id }, data: { escalateAt: new Date(now + 60 * MINUTE) } });
  return {
    flowId: flow.id,
    flowName,
    boxKey,
    failedRunId: failed.id,
    deadLetterId: deadLetter.id,
    approvalId: approval.id,
    approvalRunId: waiting.id,
  };
}
