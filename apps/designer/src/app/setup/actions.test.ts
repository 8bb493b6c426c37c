// First-run setup against a real, empty database: bad input writes nothing, the first owner gets a
// workspace with dev/QA/prod, and once anyone exists the page refuses to create another owner.
import { generateSecretKey, verifyPassword } from '@conduit/db';
import { createTestDatabase, type TestDatabase } from '@conduit/db/tools';
import { afterAll, beforeAll, describe, expect, it, inject, vi } from 'vitest';
// Types only: the modules are imported after the env is stubbed, because they parse it on first use.
import type { createOwner as CreateOwner } from './actions';
import type { db as Db } from '../../server/db';

let tdb: TestDatabase;
let createOwner: typeof CreateOwner;
let db: typeof Db;

beforeAll(async () => {
  tdb = await createTestDatabase(inject('databaseUrl'));
  const settings = { DATABASE_URL: tdb.url, CONDUIT_SECRET_KEYS: `k1:${generateSecretKey()}`, NEXTAUTH_SECRET: 'setup-tests-secret-0123456789' };
  for (const [k, v] of Object.entries(settings)) vi.stubEnv(k, v);
  ({ createOwner } = await import('./actions'));
  ({ db } = await import('../../server/db'));
});
afterAll(async () => {
  await db().$disconnect();
  await tdb.drop();
});

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const good = { workspace: 'Northwind Traders', name: 'Olivia Owner', email: 'Olivia@Northwind.example', password: 'correct horse battery' };

/** The action ends in a redirect to /login, which Next signals by throwing. */
async function submit(fields: Record<string, string>) {
  try {
    return await createOwner({}, form(fields));
  } catch (e) {
    if (e instanceof Error && e.message === 'NEXT_REDIRECT') return { redirected: true };
    throw e;
  }
}

describe('first-run setup', () => {
  it('refuses a short password or a bad e-mail and writes nothing', async () => {
    expect(await submit({ ...good, password: 'short' })).toEqual({ error: 'Use a password of at least 12 characters.' });
    expect(await submit({ ...good, email: 'not-an-email' })).toEqual({ error: 'Give a valid e-mail address.' });
    expect(await db().user.count()).toBe(0);
    expect(await db().workspace.count()).toBe(0);
  });

  it('creates the workspace, its owner and three environments, then refuses a second owner', async () => {
    expect(await submit(good)).toEqual({ redirected: true });
    const user = await db().user.findUniqueOrThrow({ where: { email: 'olivia@northwind.example' }, include: { memberships: { include: { workspace: { include: { environments: true } } } } } });
    expect(await verifyPassword(good.password, user.passwordHash!)).toBe(true);
    expect(user.isDemo).toBe(false);
    const m = user.memberships[0]!;
    expect(m.role).toBe('owner');
    expect(m.workspace).toMatchObject({ name: 'Northwind Traders', slug: 'northwind-traders' });
    expect(m.workspace.environments.map((e) => [e.key, e.isProtected]).sort()).toEqual([['dev', false], ['prod', true], ['qa', false]]);
    expect(await submit({ ...good, email: 'mallory@example.com' })).toEqual({ error: 'Conduit is already set up; sign in instead.' });
    expect(await db().user.count()).toBe(1);
  });
});
