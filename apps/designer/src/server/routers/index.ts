// The app router is assembled from the two router groups so the build and operate sides grow independently.
import { router } from '../trpc';
import { designerRouters } from './designer';
import { meRouter } from './me';
import { operateRouters } from './operate';

export const appRouter = router({
  me: meRouter,
  ...designerRouters,
  ...operateRouters,
});

export type AppRouter = typeof appRouter;
