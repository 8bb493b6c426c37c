// Activities are built from their dependencies, so the worker and the tests wire real ones the same way.
import type { ConnectorRegistry } from '@conduit/connector-kit';
import { parseConnectorRef } from '@conduit/flow';
import type { Db, SecretBox } from '@conduit/db';
import type { ConnectorStepRequest, RunRecord } from '../types';
import { type ChangeFeedPollRequest, pollChangeFeed } from './change-feed';
import { ConnectionCache } from './connections';
import { toActivityFailure } from './failures';
import { recordRun } from './recorder';

export interface ActivityDeps {
  workerId: string;
  db: Db;
  secrets: SecretBox;
  registry: ConnectorRegistry;
}

export interface OpenApprovalRequest {
  runId: string;
  nodeId: string;
  reason: string;
  summary: unknown;
  expiresAt: number;
  approvers: string[];
  partial: RunRecord;
}

export interface NotifyRequest {
  runId: string;
  nodeId: string;
  channel: 'email' | 'designer';
  to: string[];
  subject?: string;
  message: string;
}

export function createActivities(deps: ActivityDeps) {
  const connections = new ConnectionCache(deps);
  return {
    async ping(message: string): Promise<string> {
      return `activity ok on ${deps.workerId}: ${message}`;
    },

    /** One connector action for one step; errors leave as ApplicationFailures typed by the kit's class. */
    async runConnectorAction(req: ConnectorStepRequest): Promise<unknown> {
      const { connector, version } = parseConnectorRef(req.connector);
      try {
        const connection = await connections.get({ environmentId: req.environmentId, connectorId: connector, version, ...(req.connectionRef ? { connectionRef: req.connectionRef } : {}) });
        return await connection.runAction(req.action, req.input, req.idempotencyKey ? { idempotencyKey: req.idempotencyKey } : {});
      } catch (error) {
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

    async recordRun(rec: RunRecord): Promise<void> {
      await recordRun(deps.db, rec);
    },

    async openApproval(req: OpenApprovalRequest): Promise<void> {
      await recordRun(deps.db, req.partial);
      await deps.db.approval.upsert({
        where: { runId_nodeId: { runId: req.runId, nodeId: req.nodeId } },
        update: {},
        create: { runId: req.runId, nodeId: req.nodeId, reason: req.reason, summary: JSON.parse(JSON.stringify(req.summary ?? {})), expiresAt: new Date(req.expiresAt) },
      });
    },

    async expireApproval(req: { runId: string; nodeId: string; approved: boolean }): Promise<void> {
      await deps.db.approval.updateMany({ where: { runId: req.runId, nodeId: req.nodeId, status: 'pending' }, data: { status: 'expired', decidedAt: new Date(), comment: req.approved ? 'approved automatically on expiry' : 'rejected automatically on expiry' } });
    },

    /** Designer notifications land in the audit log of the run's workspace; email goes through alert channels. */
    async notify(req: NotifyRequest): Promise<void> {
      const run = await deps.db.run.findUniqueOrThrow({ where: { id: req.runId }, select: { flow: { select: { workspaceId: true } } } });
      await deps.db.auditLog.create({
        data: { workspaceId: run.flow.workspaceId, action: 'flow.notify', targetType: 'run', targetId: req.runId, after: { channel: req.channel, to: req.to, subject: req.subject ?? null, message: req.message, nodeId: req.nodeId } },
      });
    },

    async close(): Promise<void> {
      await connections.close();
    },
  };
}

export type Activities = Omit<ReturnType<typeof createActivities>, 'close'>;
