// Routers of the build side: flows, versions, catalog and pickers, mapping, test runs.
import { catalogRouter } from './catalog/router';
import { flowsRouter } from './flows';
import { mappingRouter } from './mapping';
import { testRunsRouter } from './test-runs/router';
import { versionsRouter } from './versions';

export const designerRouters = {
  flows: flowsRouter,
  versions: versionsRouter,
  catalog: catalogRouter,
  mapping: mappingRouter,
  testRuns: testRunsRouter,
};
