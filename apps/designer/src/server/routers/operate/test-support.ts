// Shared setup for the operate tests: a fresh migrated database with the demo workspace (one user per
// role), a tRPC caller per role, and seeders for flows, versions and runs as the engine writes them.
import { generateSecretKey, type Db, type Role } from '@conduit/db';
import { createTestDatabase, DEMO_USERS, seedDemo, type TestDatabase } from '@conduit/db/tools';
import type { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject, vi } from 'vitest';
import type { appRouter as AppRouterValue } from '../index';

export { demoGraph, seedFlow, seedRun } from './demo-data';

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
  /** With `temporal: true`: the test server's client, which the designer's engine actions use. */
  temporal?: Client;
  /** With `temporal: true`: the connection a test's own Worker uses. */
  nativeConnection?: NativeConnection;
  close(): Promise<void>;
}

/** Gives a seeded run a workflow execution to signal or cancel (no worker runs it). */
export async function startPlaceholderWorkflow(client: Client, workflowId: string): Promise<void> {
  await client.workflow.start('flowRun', { taskQueue: 'operate-tests-idle', workflowId, args: [] });
}

/** Call once per test file (each file runs in its own process, so the lazily parsed env is per file). */
export async function setupOperateTest(
  opts: { streak?: { baseUrl: string; apiKey: string }; temporal?: boolean } = {},
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
  const temporalEnv = opts.temporal
    ? await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } },
      })
    : undefined;
  // The designer keeps its Temporal client on globalThis (see server/temporal.ts); hand it the test server's.
  if (temporalEnv)
    (globalThis as { conduitTemporal?: Promise<Client> }).conduitTemporal = Promise.resolve(
      temporalEnv.client,
    );
  return {
    tdb,
    db: db(),
    ...(temporalEnv ? { temporal: temporalEnv.client, nativeConnection: temporalEnv.nativeConnection } : {}),
    close: async () => {
      await db().$disconnect();
      await temporalEnv?.teardown();
      await tdb.drop();
    },
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
