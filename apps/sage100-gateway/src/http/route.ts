// How an API operation is declared: zod schemas for params/query/body, one handler, and the same
// declaration feeds /openapi.json. Edit when every route needs something new (a header, a status).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type z } from 'zod';
import type { GatewayContext } from '../context';
import type { Warning } from '../sage/boi';
import { GatewayError } from './errors';

export interface Result {
  data: unknown;
  warnings?: Warning[];
  status?: number;
  headers?: Record<string, string>;
}

export interface Input<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  headers: Record<string, string | string[] | undefined>;
}

export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Status on success (default 200). */
  status?: number;
  /** Response `data` schema for the documentation. */
  response?: z.ZodType;
  handler(input: Input<P, Q, B>, ctx: GatewayContext): Promise<Result>;
}

/** Keeps each route's parameter types while collecting them into one list. */
export function route<P, Q, B>(def: RouteDef<P, Q, B>): RouteDef {
  return def;
}

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const keys = issue && 'keys' in issue ? (issue.keys as string[]) : [];
  const field = [...(issue?.path ?? []), ...keys.slice(0, 1)].join('.');
  throw new GatewayError('VALIDATION_FAILED', `Invalid ${where}${field ? ` ${field}` : ''}: ${issue?.message ?? 'invalid'}`, { status: 400, ...(field ? { field } : {}) });
}

export function send(reply: FastifyReply, result: Result): FastifyReply {
  for (const [k, v] of Object.entries(result.headers ?? {})) reply.header(k, v);
  return reply.code(result.status ?? 200).send({ ok: true, data: result.data, warnings: result.warnings ?? [] });
}

export function registerRoutes(app: FastifyInstance, routes: RouteDef[], ctx: GatewayContext): void {
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.path,
      handler: async (req, reply) => {
        const input = {
          params: parse(def.params, req.params, 'path parameter'),
          query: parse(def.query, req.query, 'query parameter'),
          body: parse(def.body, req.body, 'body field'),
          headers: req.headers,
        };
        const result = await def.handler(input, ctx);
        return send(reply, { ...result, status: result.status ?? def.status });
      },
    });
  }
}
