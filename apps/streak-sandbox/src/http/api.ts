// Route registration for the Streak API. Handlers receive the parsed request plus the caller's
// user key and return the JSON to send (200, as Streak does for creates too).
import type { FastifyInstance } from 'fastify';
import type { Query } from './input';

export interface Req {
  params: Record<string, string>;
  query: Query;
  body: unknown;
  userKey: string;
}

type Handler = (req: Req) => unknown;

/** A non-JSON answer (box markdown). */
export class RawReply {
  constructor(
    readonly contentType: string,
    readonly body: string,
  ) {}
}

export interface Api {
  /** Every endpoint registered so far (served at /__sandbox/routes). */
  routes: { method: string; path: string }[];
  get(path: string, handler: Handler): void;
  post(path: string, handler: Handler): void;
  put(path: string, handler: Handler): void;
  del(path: string, handler: Handler): void;
}

declare module 'fastify' {
  interface FastifyRequest {
    userKey: string;
  }
}

export function createApi(app: FastifyInstance): Api {
  const routes: Api['routes'] = [];
  const add = (method: 'GET' | 'POST' | 'PUT' | 'DELETE') => (path: string, handler: Handler) => {
    routes.push({ method, path: `/api${path}` });
    app.route({
      method,
      url: `/api${path}`,
      handler: async (req, reply) => {
        const out = await handler({
          params: req.params as Record<string, string>,
          query: req.query as Query,
          body: req.body,
          userKey: req.userKey,
        });
        if (out instanceof RawReply) return reply.type(out.contentType).send(out.body);
        return reply.send(out);
      },
    });
  };
  return { routes, get: add('GET'), post: add('POST'), put: add('PUT'), del: add('DELETE') };
}
