import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from './client';
import { createSecretBox, generateSecretKey } from './secrets';
import { DEMO_USERS, seedDemo } from './seed';
import { createTestDatabase, type TestDatabase } from './test-database';

let tdb: TestDatabase;
let db: Db;
const secrets = createSecretBox(generateSecretKey());
const options = {
  secrets,
  streak: { baseUrl: 'http://127.0.0.1:4010/api', apiKey: 'strk_demo_key' },
  sage100: { baseUrl: 'http://127.0.0.1:4020', token: 'gateway-token', company: 'ABC' },
};

beforeAll(async () => {
  tdb = await createTestDatabase(inject('databaseUrl'));
  db = createDb({ databaseUrl: tdb.url });
});
afterAll(async () => {
  await db.$disconnect();
  await tdb.drop();
});

describe('demo seed', () => {
  it('creates a user per role, three environments, and encrypted connections; running twice changes nothing', async () => {
    await seedDemo(db, options);
    await seedDemo(db, options);
    const members = await db.membership.findMany({ include: { user: true } });
    expect(members.map((m) => m.role).sort()).toEqual(DEMO_USERS.map((u) => u.role).sort());
    expect(await db.environment.count()).toBe(3);
    expect((await db.environment.findFirstOrThrow({ where: { key: 'prod' } })).isProtected).toBe(true);
    const connections = await db.connection.findMany();
    expect(connections).toHaveLength(4);
    for (const c of connections) {
      expect(c.secretEnc).not.toContain('strk_demo_key');
      expect(c.secretEnc).not.toContain('gateway-token');
    }
    const streak = connections.find((c) => c.kind === 'streak');
    expect(secrets.decrypt(streak?.secretEnc ?? '')).toBe('strk_demo_key');
  });
});
