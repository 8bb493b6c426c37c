// One poll of a connector change feed for a deployed flow: read the stored cursor, poll, and in one
// transaction record the new events, their queued runs and the next cursor. Returns the runs to start.
// Events already seen (overlap windows re-deliver them) are dropped by the event table's unique key; a poll
// of a version no longer deployed (a schedule left behind) polls nothing and records nothing.
import { Context } from '@temporalio/activity';
import type { ConnectionCache } from './connections';
import type { Db } from '@conduit/db';
import { parseConnectorRef } from '@conduit/flow';
import { findEchoes } from './echo';
import type { RecordedRun } from '../client/start';
import { countStarted, type DeployedTarget, recordEngineEvents, stillDeployed } from './record-events';

export interface ChangeFeedPollRequest extends DeployedTarget {
  /** `sage100@1` */
  connector: string;
  /** The connector's poll trigger key (`recordChanged`) and its configuration (`{ table }`). */
  feed: string;
  params: Record<string, unknown>;
  connectionRef?: string;
}

export async function pollChangeFeed(deps: { db: Db; connections: ConnectionCache }, req: ChangeFeedPollRequest): Promise<RecordedRun[]> {
  if (!(await stillDeployed(deps.db, req, 'changeFeed'))) return [];
  const { connector, version } = parseConnectorRef(req.connector);
  const source = `${req.flowId}:${req.feed}:${JSON.stringify(req.params)}`;
  const stored = await deps.db.syncCursor.findUnique({ where: { environmentId_source: { environmentId: req.environment.id, source } } });
  const connection = await deps.connections.get({ environmentId: req.environment.id, connectorId: connector, version, ...(req.connectionRef ? { connectionRef: req.connectionRef } : {}) });
  const polled = await connection.poll(req.feed, req.params, (stored?.cursor ?? null) as never, { heartbeat: (d: unknown) => Context.current().heartbeat(d) } as never);

  // Rows that show our own last write are recorded as dropped runs instead of starting one.
  const echoes = await findEchoes(deps.db, req.environment.id, connector, polled.events.map((e) => e.payload));
  const events = polled.events.map((e, i) => {
    const echo = echoes.get(i);
    return { eventKey: e.eventKey, payload: e.payload, ...(echo ? { echo } : {}) };
  });
  const recorded = await deps.db.$transaction(async (tx) => {
    const fresh = await recordEngineEvents(tx, req, { trigger: 'changeFeed', eventType: req.feed, events });
    await tx.syncCursor.upsert({
      where: { environmentId_source: { environmentId: req.environment.id, source } },
      update: { cursor: polled.cursor as object },
      create: { environmentId: req.environment.id, source, cursor: polled.cursor as object },
    });
    return fresh;
  });
  countStarted(req.environment, recorded);
  return recorded;
}
