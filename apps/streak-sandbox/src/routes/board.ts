// The demo board at / : static HTML, JS and CSS (no build step, no CDN). The page talks to the same
// /api/v1 and /api/v2 endpoints as any client, with the demo key embedded (it is a sandbox).
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../domain/ctx';
import { DEMO_API_KEY } from '../seed/identity';

const asset = (name: string): string => readFileSync(new URL(`../board/${name}`, import.meta.url), 'utf8');

export function registerBoard(app: FastifyInstance, _ctx: Ctx): void {
  const html = asset('board.html').replace('__API_KEY__', JSON.stringify(DEMO_API_KEY));
  const js = asset('board.js');
  const css = asset('board.css');
  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
  app.get('/board.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(js));
  app.get('/board.css', (_req, reply) => reply.type('text/css; charset=utf-8').send(css));
  app.get('/favicon.ico', (_req, reply) => reply.code(204).send());
}
