// Reports each dependency the designer needs, so `conduit start` and operators can see what is down.
import { db } from '../../../server/db';
import { temporal } from '../../../server/temporal';

export const dynamic = 'force-dynamic';

interface Check {
  ok: boolean;
  latencyMs: number;
  detail?: string;
}

async function timed(fn: () => Promise<string | undefined>): Promise<Check> {
  const started = performance.now();
  try {
    const detail = await fn();
    return { ok: true, latencyMs: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.message : String(error) };
  }
}

export async function GET(): Promise<Response> {
  const [database, migrations, temporalCheck] = await Promise.all([
    timed(async () => {
      await db().$queryRaw`SELECT 1`;
      return undefined;
    }),
    timed(async () => {
      // conduit start applies migrations before the designer starts; a failed one blocks everything.
      const [row] = await db().$queryRaw<Array<{ applied: bigint; failed: bigint }>>`
        SELECT count(*) FILTER (WHERE finished_at IS NOT NULL) AS applied, count(*) FILTER (WHERE finished_at IS NULL) AS failed
        FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;
      if (row && row.failed > 0n) throw new Error(`${row.failed} migration(s) failed; run pnpm db:migrate to see why`);
      return `${row?.applied ?? 0} applied`;
    }),
    timed(async () => {
      const client = await temporal();
      await client.connection.workflowService.getSystemInfo({});
      return undefined;
    }),
  ]);
  const checks = { database, migrations, temporal: temporalCheck };
  const ok = Object.values(checks).every((c) => c.ok);
  return Response.json({ status: ok ? 'ok' : 'degraded', checks }, { status: ok ? 200 : 503 });
}
