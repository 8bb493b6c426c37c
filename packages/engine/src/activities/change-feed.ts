// One poll of a connector change feed for a deployed flow: read the stored cursor, poll, and in one
// transaction record the new events, their queued runs and the next cursor. Returns the runs to start.
// Events already seen (overlap windows re-deliver them) are dropped by the event table's unique key.
import { Context } from '@temporalio/activity';
import type { ConnectionCache } from './connections';
import type { Db } from '@conduit/db';
import { parseConnectorRef } from '@conduit/flow';
import { droppedRunRow, findEchoes } from './echo';
import { planRuns, queuedRunRow, type RecordedRun, type StartEnvironment } from '../client/start';
import { runsStarted } from '@conduit/telemetry';

export interface ChangeFeedPollRequest {
  environment: StartEnvironment;
  flowId: string;
  versionId: string;
  plan: unknown;
  /** `sage100@1` */
  connector: string;
  /** The connector's poll trigger key (`recordChanged`) and its configuration (`{ table }`). */
  feed: string;
  params: Record<string, unknown>;
  connectionRef?: string;
}

export async function pollChangeFeed(deps: { db: Db; connections: ConnectionCache }, req: ChangeFeedPollRequest): Promise<RecordedRun[]> {
  const { connector, version } = parseConnectorRef(req.connector);
  const source = `${req.flowId}:${req.feed}:${JSON.stringify(req.params)}`;
  const stored = await deps.db.syncCursor.findUnique({ where: { environmentId_source: { environmentId: req.environment.id, source } } });
  const connection = await deps.connections.get({ environmentId: req.environment.id, connectorId: connector, version, ...(req.connectionRef ? { connectionRef: req.connectionRef } : {}) });
  const polled = await connection.poll(req.feed, req.params, (stored?.cursor ?? null) as never, { heartbeat: (d: unknown) => Context.current().heartbeat(d) } as never);

  // Rows that show our own last write are recorded as dropped runs instead of starting one.
  const echoes = await findEchoes(deps.db, req.environment.id, connector, polled.events.map((e) => e.payload));
  const recorded = await deps.db.$transaction(async (tx) => {
    const fresh: RecordedRun[] = [];
    for (const [i, e] of polled.events.entries()) {
      const echo = echoes.get(i);
      const inserted = await tx.$executeRaw`
        INSERT INTO webhook_event (id, environment_id, event_key, event_type, payload, runs_started)
        VALUES (gen_random_uuid(), ${req.environment.id}::uuid, ${e.eventKey}, ${req.feed}, ${JSON.stringify(e.payload)}::jsonb, ${echo ? 0 : 1})
        ON CONFLICT (environment_id, event_key) DO NOTHING`;
      if (inserted === 0) continue;
      const [run] = planRuns(req.environment, [{ flow: { flowId: req.flowId, versionId: req.versionId, plan: req.plan }, trigger: { kind: 'changeFeed', event: req.feed, eventKey: e.eventKey, payload: e.payload } }]);
      if (!run) continue;
      if (echo) {
        await tx.run.create({ data: droppedRunRow(queuedRunRow(req.environment, run), echo) });
        continue;
      }
      await tx.run.create({ data: queuedRunRow(req.environment, run) });
      fresh.push(run);
    }
    await tx.syncCursor.upsert({
      where: { environmentId_source: { environmentId: req.environment.id, source } },
      update: { cursor: polled.cursor as object },
      create: { environmentId: req.environment.id, source, cursor: polled.cursor as object },
    });
    return fresh;
  });
  // Counted once committed: the poll workflow starts each as a child flowRun.
  for (const run of recorded) runsStarted.inc({ environment: req.environment.key, flow_id: run.flow.flowId, trigger: run.trigger.kind });
  return recorded;
}
