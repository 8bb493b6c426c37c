// The designer under test, in process: its real tRPC router and route handlers on a fresh migrated database
// seeded with the demo workspace (one user per role). The designer is an app, not a library, so the suite
// reaches its modules by path through the workspace dependency.
import type { Role } from '@conduit/db';
import { setupOperateTest, type OperateTest } from '@conduit/designer/src/server/routers/operate/test-support';
import { TRPCError } from '@trpc/server';

export type { OperateTest };
export { setupOperateTest };

export const ROLES: readonly Role[] = ['owner', 'admin', 'builder', 'approver', 'viewer'];

type Procedure = (input: unknown) => Promise<unknown>;

/** Calls `path` (e.g. `flows.get`) as the given caller and answers OK or the tRPC error code. */
export async function callAs(caller: unknown, path: string, input: unknown): Promise<string> {
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as Procedure;
  try {
    await fn(input);
    return 'OK';
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

/** Every procedure the app router exposes, by path, read from the router itself. */
export async function allProcedures(): Promise<string[]> {
  const { appRouter } = await import('@conduit/designer/src/server/routers/index');
  return Object.keys(appRouter._def.procedures).sort();
}
