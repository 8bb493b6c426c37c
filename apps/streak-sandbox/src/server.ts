// Builds and starts a sandbox: state (seeded or loaded from the data file), the Streak API under
// /api/v1 and /api/v2, the /__sandbox control API, the board page, and background webhooks.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Ctx } from './domain/ctx';
import { createApi } from './http/api';
import { authenticate } from './http/auth';
import { registerBodyParser } from './http/body';
import { ApiError, errorBody } from './http/errors';
import { FaultInjector } from './http/faults';
import { registerApiKeys } from './routes/apikeys';
import { registerBoard } from './routes/board';
import { registerBoxes } from './routes/boxes';
import { registerComments } from './routes/comments';
import { registerControl } from './routes/control';
import { registerFields } from './routes/fields';
import { registerMeetings } from './routes/meetings';
import { registerParties } from './routes/parties';
import { registerPipelines } from './routes/pipelines';
import { registerSearch } from './routes/search';
import { registerStages } from './routes/stages';
import { fireDueTasks, registerTasks } from './routes/tasks';
import { registerTimeline } from './routes/timeline';
import { registerUsers } from './routes/users';
import { registerWebhooks } from './routes/webhooks';
import { seedDemo, seedEmpty } from './seed/demo';
import { DEMO_API_KEY } from './seed/identity';
import { createPersister, loadSnapshot } from './store/persist';
import { Store } from './store/store';
import { Dispatcher } from './webhooks/dispatcher';

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** JSON snapshot file; `null` or omitted = in memory only. */
  dataFile?: string | null;
  /** Seed the demo data set when there is no snapshot to load (default true). */
  seed?: boolean;
  /** Clock for timestamps (tests can pin it). */
  now?: () => number;
}

export interface Sandbox {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

function buildApp(ctx: Ctx): FastifyInstance {
  const app = Fastify({
    logger: false,
    routerOptions: { ignoreTrailingSlash: true },
    keepAliveTimeout: 65_000,
  });
  registerBodyParser(app);
  app.decorateRequest('userKey', '');
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    await ctx.faults.apply(req.headers.authorization ?? req.ip);
    req.userKey = authenticate(ctx.store, req.headers.authorization);
  });
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof ApiError)
      return reply.code(err.status).headers(err.headers).send(errorBody(err.message));
    const e = err as {
      statusCode?: number;
      message?: string;
      issues?: { path: unknown[]; message: string }[];
    };
    if (e.issues)
      return reply
        .code(400)
        .send(errorBody(e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    if (e.statusCode && e.statusCode < 500)
      return reply.code(e.statusCode).send(errorBody(e.message ?? 'Bad request'));
    console.error('streak-sandbox: unexpected error', err);
    return reply.code(500).send(errorBody('Internal server error'));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(errorBody(`No such endpoint: ${req.method} ${req.url.split('?')[0]}`)),
  );
  const api = createApi(app);
  for (const register of [
    registerUsers,
    registerApiKeys,
    registerPipelines,
    registerStages,
    registerFields,
    registerBoxes,
    registerParties,
    registerTasks,
    registerComments,
    registerMeetings,
    registerTimeline,
    registerSearch,
    registerWebhooks,
  ]) {
    register(api, ctx);
  }
  registerControl(app, ctx);
  app.get('/__sandbox/routes', async () => ({ routes: api.routes }));
  registerBoard(app, ctx);
  return app;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const dataFile = opts.dataFile ?? null;
  const persister = createPersister(dataFile, () => store.state);
  const store = new Store(opts.now ?? Date.now, () => persister.schedule());
  const faults = new FaultInjector();
  const ctx: Ctx = { store, faults, hooks: new Dispatcher(store, faults) };
  const snapshot = dataFile ? loadSnapshot(dataFile) : null;
  if (snapshot) store.replace(snapshot);
  else if (opts.seed === false) seedEmpty(ctx);
  else seedDemo(ctx);
  ctx.hooks.resume();

  const app = buildApp(ctx);
  try {
    await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
  } catch (err) {
    // e.g. EADDRINUSE: leave no timers behind and do not touch the data file of whoever holds the port.
    ctx.hooks.close();
    persister.cancel();
    throw err;
  }
  const dueTimer = setInterval(() => fireDueTasks(ctx), 1000).unref();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    apiKey: DEMO_API_KEY,
    async close() {
      clearInterval(dueTimer);
      ctx.hooks.close();
      await app.close();
      persister.flush();
    },
  };
}
