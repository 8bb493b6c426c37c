// The HTTP server: auth, error envelope, request log, health, OpenAPI, the API and (on the emulator) its controls.
import { ipAllowed } from '@conduit/connector-kit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { GatewayContext } from './context';
import { GatewayError, toGatewayError } from './http/errors';
import { tokenMatches } from './http/auth';
import { openApi } from './http/openapi';
import { registerRoutes, type RouteDef } from './http/route';
import { API_ROUTES } from './routes';

export const API_VERSION = '1.0.0';

export interface ServerOptions {
  ctx: GatewayContext;
  token: string;
  /** Extra routes mounted under /__emulator (answered only over loopback). */
  emulatorRoutes?: RouteDef[];
  /** Request page for the demo UI, served at `/`. */
  page?: string;
  log?: (line: string) => void;
  /** Addresses or CIDR ranges allowed to connect at all; empty or absent allows every address. */
  ipAllowlist?: string[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function buildServer(opts: ServerOptions): FastifyInstance {
  const app = Fastify({ logger: false, routerOptions: { maxParamLength: 300 } });
  const routes = [...API_ROUTES, ...(opts.emulatorRoutes ?? [])];
  const spec = openApi(routes, API_VERSION);

  app.addHook('onRequest', async (req) => {
    // The socket's own address (no proxy headers are trusted), checked before the token is looked at.
    const from = req.socket.remoteAddress;
    if (opts.ipAllowlist && !ipAllowed(opts.ipAllowlist, from)) throw new GatewayError('PERMISSION_DENIED', `${from ?? 'This address'} is not on the gateway's IP allowlist (SAGE100_GATEWAY_IP_ALLOWLIST).`);
    if (req.url.startsWith('/v1/') && !tokenMatches(req.headers.authorization, opts.token)) throw new GatewayError('AUTH_FAILED', 'Missing or wrong bearer token.');
    if (req.url.startsWith('/__emulator') && !LOOPBACK.has(req.socket.remoteAddress ?? '')) throw new GatewayError('PERMISSION_DENIED', 'Emulator controls answer only on loopback.');
  });
  // One line per request; never headers or bodies (tokens, customer data). Successful health checks and
  // change-feed polls are routine (each deployed feed polls every few seconds) and would drown the rest.
  if (opts.log) {
    const log = opts.log;
    app.addHook('onResponse', async (req, reply) => {
      const path = req.url.split('?')[0] ?? '';
      if (reply.statusCode < 400 && (path === '/health' || path.endsWith('/changes'))) return;
      log(`${req.method} ${path} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
    });
  }
  app.setErrorHandler((err, _req, reply) => {
    const fastifyStatus = (err as { statusCode?: number }).statusCode;
    const e = err instanceof Error && !(err instanceof GatewayError) && fastifyStatus && fastifyStatus < 500 ? new GatewayError('VALIDATION_FAILED', err.message, { status: fastifyStatus }) : toGatewayError(err);
    if (e.code === 'UNKNOWN') opts.log?.(`error: ${(err as Error).stack ?? String(err)}`);
    return reply.code(e.status).send(e.toBody());
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(new GatewayError('NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}.`).toBody()));

  app.get('/health', async () => ({ ok: true, data: { status: 'ok', backend: opts.ctx.config.provider.kind, companies: opts.ctx.config.companies, serverTime: opts.ctx.config.provider.serverNow().toISOString().slice(0, 19) }, warnings: [] }));
  app.get('/openapi.json', async () => spec);
  if (opts.page) {
    const page = opts.page;
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
  }
  registerRoutes(app, routes, opts.ctx);
  return app;
}
