// Routers of the operate side: runs, dead letters, approvals, dashboard, connections, environments,
// deployments and promotion, export/import, audit, alerts.
import { alertsRouter } from './alerts';
import { approvalsRouter } from './approvals';
import { auditRouter } from './audit-log';
import { connectionsRouter } from './connections';
import { dashboardRouter } from './dashboard';
import { deadLettersRouter } from './dead-letters';
import { deploymentsRouter } from './deployments';
import { environmentsRouter } from './environments';
import { runsRouter } from './runs';
import { transferRouter } from './transfer';

export const operateRouters = {
  environments: environmentsRouter,
  connections: connectionsRouter,
  deployments: deploymentsRouter,
  transfer: transferRouter,
  runs: runsRouter,
  deadLetters: deadLettersRouter,
  approvals: approvalsRouter,
  dashboard: dashboardRouter,
  audit: auditRouter,
  alerts: alertsRouter,
};
