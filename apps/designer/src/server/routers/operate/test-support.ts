// Shared setup for the operate tests: a fresh migrated database with the demo workspace (one user per
// role), a tRPC caller per role, and seeders for flows, versions and runs as the engine writes them.
import { generateSecretKey, type Db, type Prisma, type Role, type RunStatus } from '@conduit/db';
import { createTestDatabase, DEMO_USERS, seedDemo, type TestDatabase } from '@conduit/db/tools';
import { inject, vi } from 'vitest';
import type { appRouter as AppRouterValue } from '../index';

export const ROLE_NAMES = [
  'owner',
  'admin',
  'builder',
  'approver',
  'viewer',
] as const satisfies readonly Role[];

export interface OperateTest {
  tdb: TestDatabase;
  db: Db;
  workspaceId: string;
  env: Record<'dev' | 'qa' | 'prod', string>;
  users: Record<Role, { id: string; email: string; name: string }>;
  caller: (role: Role | null) => ReturnType<typeof AppRouterValue.createCaller>;
}

/** Call once per test file (each file runs in its own process, so the lazily parsed env is per file). */
export async function setupOperateTest(
  opts: { streak?: { baseUrl: string; apiKey: string } } = {},
): Promise<OperateTest> {
  const tdb = await createTestDatabase(inject('databaseUrl'));
  const settings = {
    DATABASE_URL: tdb.url,
    CONDUIT_SECRET_KEYS: `k1:${generateSecretKey()}`,
    NEXTAUTH_SECRET: 'operate-tests-secret-0123456789',
    NEXTAUTH_URL: 'http://127.0.0.1:3999',
  };
  for (const [k, v] of Object.entries(settings)) vi.stubEnv(k, v);
  const { db, secrets } = await import('../../db');
  const { appRouter } = await import('../index');
  const { workspaceId } = await seedDemo(db(), {
    secrets: secrets(),
    streak: opts.streak ?? { baseUrl: 'http://127.0.0.1:9/api', apiKey: 'streak-test-key-123' },
    sage100: { baseUrl: 'http://127.0.0.1:9', token: 'gateway-token-123456', company: 'ABC' },
  });
  const envs = await db().environment.findMany({ where: { workspaceId } });
  const env = Object.fromEntries(envs.map((e) => [e.key, e.id])) as OperateTest['env'];
  const rows = await db().user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
  const users = Object.fromEntries(
    DEMO_USERS.map((u) => [u.role, rows.find((r) => r.email === u.email)!]),
  ) as unknown as OperateTest['users'];
  return {
    tdb,
    db: db(),
    workspaceId,
    env,
    users,
    caller: (role) =>
      appRouter.createCaller({
        user: role ? { id: users[role].id, email: users[role].email, name: users[role].name } : null,
        ip: '203.0.113.7',
      }),
  };
}

/** A Closed-Won → Sales Order graph: Streak stage change, map, customer lookup, approval over a threshold, order write. */
export function demoGraph(
  opts: { orderMapping?: Record<string, string>; event?: string; pipelineKey?: string } = {},
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
        config: {
          type: 'webhook',
          connector: 'streak@1',
          event: opts.event ?? 'BOX_CHANGE_STAGE',
          pipelineKey: opts.pipelineKey ?? 'pipe1',
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
      output: { box: { key: 'b1', name: 'Acme' }, apiKey: 'leaked-secret' },
    },
  });
  if (opts.deadLetter) {
    await db.runStep.create({
      data: {
        runId: run.id,
        nodeId: 'order',
        seq: 1,
        status: 'failed',
        attempts: 3,
        startedAt,
        durationMs: 800,
        input: { CustomerNo: '01-ABF' },
        error: { type: 'PermanentError', message: opts.deadLetter.message },
      },
    });
    await db.deadLetter.create({
      data: { runId: run.id, nodeId: 'order', input: { CustomerNo: '01-ABF' }, ...opts.deadLetter },
    });
  }
  if (opts.approval) {
    await db.runStep.create({
      data: { runId: run.id, nodeId: 'approval', seq: 1, status: 'waiting', startedAt },
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
