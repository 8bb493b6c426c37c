// The webhook route's own answer headers, through the real handler against a real database.
import { generateSecretKey } from '@conduit/db';
import { createTestDatabase, type TestDatabase } from '@conduit/db/tools';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { POST as HookPost } from './route';
import type { db as Db } from '../../../../../../server/db';

let tdb: TestDatabase;
let POST: typeof HookPost;
let db: typeof Db;

beforeAll(async () => {
  tdb = await createTestDatabase(inject('databaseUrl'));
  const settings = { DATABASE_URL: tdb.url, CONDUIT_SECRET_KEYS: `k1:${generateSecretKey()}`, NEXTAUTH_SECRET: 'hook-route-tests-secret-0123456789', TEMPORAL_ADDRESS: '127.0.0.1:1' };
  for (const [k, v] of Object.entries(settings)) vi.stubEnv(k, v);
  ({ POST } = await import('./route'));
  ({ db } = await import('../../../../../../server/db'));
});
afterAll(async () => {
  await db().$disconnect();
  await tdb.drop();
});

describe('Streak webhook route', () => {
  it('answers with a body no proxy may cache or compress (gzip would cost more than these few bytes)', async () => {
    const req = new Request('http://designer.test/api/hooks/streak/dev/nope?event=BOX_EDIT', { method: 'POST', headers: { 'x-streak-webhook-token': 'guessed', 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: '[{}]' });
    const res = await POST(req, { params: Promise.resolve({ env: 'dev', endpoint: 'nope' }) });
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(await res.json()).toMatchObject({ ok: false, message: 'No webhook endpoint at this address.' });
  });
});
