import { router } from '../trpc/init';
import { workspacesRouter } from './workspaces';

export const appRouter = router({
  workspaces: workspacesRouter,
});

/** The type internal apps import to get a fully typed `@trpc/client`. */
export type AppRouter = typeof appRouter;
