// Routers of the build side: flows, versions, catalog and pickers, mapping, test runs.
import { flowsRouter } from './flows';

export const designerRouters = {
  flows: flowsRouter,
};
