import { router } from '../trpc';
import { environmentsRouter } from './environments';
import { flowsRouter } from './flows';
import { meRouter } from './me';

export const appRouter = router({
  me: meRouter,
  environments: environmentsRouter,
  flows: flowsRouter,
});

export type AppRouter = typeof appRouter;
