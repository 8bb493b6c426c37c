// Activities are built from their dependencies, so the worker and the tests wire real ones the same way.
import type { ConnectorRegistry } from '@conduit/connector-kit';
import { parseConnectorRef } from '@conduit/flow';
import type { Db, SecretBox } from '@conduit/db';
import type { ConnectorStepRequest, RunRecord } from '../types';
import { approvalActivities } from './approvals';
import { type ChangeFeedPollRequest, pollChangeFeed } from './change-feed';
import { ConnectionCache } from './connections';
import { log } from '@conduit/telemetry';
import { toActivityFailure } from './failures';
import { mailActivities, type MailDeps } from './mail';
import { recordedWrites } from './links';
import { recordRun } from './recorder';
import { recordScheduledFire, type ScheduledFireRequest } from './scheduled-fire';

export interface ActivityDeps extends MailDeps {
  workerId: string;
  db: Db;
  secrets: SecretBox;
  registry: ConnectorRegistry;
}

export type { OpenApprovalRequest, EscalateApprovalRequest } from './approvals';
export type { NotifyRequest, ApprovalMailRequest, MailOutcome } from './mail';
export { parseSmtpUrl, type MailTransport } from './mail-transport';

export function createActivities(deps: ActivityDeps) {
  const connections = new ConnectionCache(deps);
  const writes = recordedWrites(deps.db, deps.registry);
  return {
    async ping(message: string): Promise<string> {
      return `activity ok on ${deps.workerId}: ${message}`;
    },

    /** One connector action for one step; errors leave as ApplicationFailures typed by the kit's class. */
    async runConnectorAction(req: ConnectorStepRequest): Promise<unknown> {
      const { connector, version } = parseConnectorRef(req.connector);
      try {
        const connection = await connections.get({ environmentId: req.environmentId, connectorId: connector, version, ...(req.connectionRef ? { connectionRef: req.connectionRef } : {}) });
        // Writes of records go to the link table (echo suppression, pairing) before the step counts as done.
        return await writes(req, connector, version, (options) => connection.runAction(req.action, req.input, options));
      } catch (error) {
        // Connector errors are already redacted; the log context adds the run's ids.
        log.warn('step failed', { nodeId: req.nodeId, connector: req.connector, action: req.action, error: error instanceof Error ? error.message : String(error) });
        throw toActivityFailure(error);
      }
    },

    async pollChangeFeed(req: ChangeFeedPollRequest) {
      try {
        return await pollChangeFeed({ db: deps.db, connections }, req);
      } catch (error) {
        throw toActivityFailure(error);
      }
    },

    async recordScheduledFire(req: ScheduledFireRequest & { firedAt: number }) {
      return recordScheduledFire(deps.db, req);
    },

    async recordRun(rec: RunRecord): Promise<void> {
      await recordRun(deps.db, rec);
    },

    ...approvalActivities(deps.db),
    ...mailActivities(deps),

    async close(): Promise<void> {
      await connections.close();
    },
  };
}

export type Activities = Omit<ReturnType<typeof createActivities>, 'close'>;
