// Routers of the operate side: runs, dead letters, approvals, dashboard, connections, environments, audit, alerts.
import { environmentsRouter } from './environments';

export const operateRouters = {
  environments: environmentsRouter,
};
