// The designer's /metrics and its webhook ingress counts, through the real route handlers against a real
// database: the scrape needs the bearer token, and a refused delivery shows up by outcome and in the log.
import { generateSecretKey } from '@conduit/db';
import { createTestDatabase, type TestDatabase } from '@conduit/db/tools';
import { configureLogging, disableLogging } from '@conduit/telemetry';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { GET as MetricsGet } from './route';
import type { POST as HookPost } from '../api/hooks/streak/[env]/[endpoint]/route';
import type { db as Db } from '../../server/db';

const TOKEN = 'designer-metrics-0123456789';
let tdb: TestDatabase;
let GET: typeof MetricsGet;
let POST: typeof HookPost;
let db: typeof Db;
const lines: Array<Record<string, unknown>> = [];

beforeAll(async () => {
  tdb = await createTestDatabase(inject('databaseUrl'));
  const settings = { DATABASE_URL: tdb.url, CONDUIT_SECRET_KEYS: `k1:${generateSecretKey()}`, NEXTAUTH_SECRET: 'metrics-tests-secret-0123456789', METRICS_TOKEN: TOKEN, TEMPORAL_ADDRESS: '127.0.0.1:1' };
  for (const [k, v] of Object.entries(settings)) vi.stubEnv(k, v);
  configureLogging({ level: 'info', service: 'designer-test', write: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
  ({ GET } = await import('./route'));
  ({ POST } = await import('../api/hooks/streak/[env]/[endpoint]/route'));
  ({ db } = await import('../../server/db'));
});
afterAll(async () => {
  disableLogging();
  await db().$disconnect();
  await tdb.drop();
});

const scrape = (authorization?: string) => GET(new Request('http://designer.test/metrics', authorization ? { headers: { authorization } } : {}));

describe('designer /metrics', () => {
  it('answers 401 without the bearer token, whatever else the request carries', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN.slice(1)}`)).status).toBe(401);
    const withCookie = await GET(new Request('http://designer.test/metrics', { headers: { cookie: 'next-auth.session-token=abc' } }));
    expect(withCookie.status).toBe(401);
  });

  it('counts webhook deliveries by outcome and logs them without the token they carried', async () => {
    const hook = await POST(
      new Request('http://designer.test/api/hooks/streak/dev/nope?event=BOX_EDIT', { method: 'POST', headers: { 'x-streak-webhook-token': 'guessed-token-42', 'content-type': 'application/json' }, body: '[]' }),
      { params: Promise.resolve({ env: 'dev', endpoint: 'nope' }) },
    );
    expect(hook.status).toBe(404);
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('conduit_webhook_requests_total{outcome="not_found"} 1');
    // No environments exist in this database, so the backlog gauge has no series yet but is declared.
    expect(text).toContain('# TYPE conduit_dead_letters_open gauge');
    expect(lines.find((l) => l.msg === 'webhook')).toMatchObject({ level: 'warn', service: 'designer-test', environment: 'dev', status: 404, outcome: 'not_found' });
    expect(JSON.stringify(lines)).not.toContain('guessed-token-42');
  });
});
