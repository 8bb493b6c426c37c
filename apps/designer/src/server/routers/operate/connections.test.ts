// Connections against a real Streak sandbox: the secret is write-only and encrypted, "test connection"
// tells a bad key from an unreachable host, and bad input is refused with nothing written.
import { type RunningGateway, startGateway } from '@conduit/sage100-gateway';
import { type Sandbox, startSandbox } from '@conduit/streak-sandbox';
import { type TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOperateTest, type OperateTest } from './test-support';

let t: OperateTest;
let sb: Sandbox;
let gw: RunningGateway;
beforeAll(async () => {
  sb = await startSandbox({ dataFile: null, seed: true });
  gw = await startGateway({ port: 0, dataFile: null });
  t = await setupOperateTest({ streak: { baseUrl: `${sb.url}/api`, apiKey: sb.apiKey } });
});
afterAll(async () => {
  await t.db.$disconnect();
  await t.tdb.drop();
  await sb.close();
  await gw.close();
});

const owner = () => t.caller('owner');

describe('connections', () => {
  it('stores the secret encrypted and never returns it', async () => {
    const created = await owner().connections.create({
      environmentId: t.env.prod,
      kind: 'streak',
      name: 'Streak prod',
      config: { baseUrl: `${sb.url}/api`, allowPrivateHost: true },
      secret: sb.apiKey,
    });
    expect(created).not.toHaveProperty('secretEnc');
    expect(JSON.stringify(created)).not.toContain(sb.apiKey);
    const listed = await t.caller('viewer').connections.list({ environmentId: t.env.prod });
    expect(JSON.stringify(listed)).not.toContain(sb.apiKey);
    expect(listed[0]).toMatchObject({ name: 'Streak prod', secretSet: true });
    const row = await t.db.connection.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretEnc).not.toContain(sb.apiKey);
    const audit = await t.db.auditLog.findMany({ where: { targetId: created.id } });
    expect(audit.map((a) => a.action)).toEqual(['connection.create']);
    expect(JSON.stringify(audit)).not.toContain(sb.apiKey);
    expect(audit[0]).toMatchObject({ actorEmail: 'owner@demo.conduit.local', ip: '203.0.113.7' });
  });

  it('tests a good key, a bad key and an unreachable host with different explanations', async () => {
    const env = await owner().environments.get({ id: t.env.prod });
    const conn = env.connections.find((c) => c.name === 'Streak prod')!;
    const good = await owner().connections.test({ id: conn.id });
    expect(good).toMatchObject({ ok: true });
    expect(good.explanation).toMatch(/^Connected to Streak as /);

    await owner().connections.update({ id: conn.id, secret: 'not-a-real-streak-key' });
    const bad = await owner().connections.test({ id: conn.id });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    expect(bad.explanation).toMatch(/Streak refused the API key/);

    const away = await owner().connections.testDraft({
      environmentId: t.env.prod,
      kind: 'streak',
      name: 'x',
      config: { baseUrl: 'http://127.0.0.1:9/api', allowPrivateHost: true },
      secret: sb.apiKey,
    });
    expect(away).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(away.explanation).toMatch(/could not be reached at http:\/\/127\.0\.0\.1:9\/api/);

    const after = await t.db.connection.findUniqueOrThrow({ where: { id: conn.id } });
    expect(after).toMatchObject({ lastTestOk: false });
    expect(after.lastTestError).toMatch(/refused/);
  });

  it('tests a Sage 100 gateway connection: right token, wrong token', async () => {
    const created = await owner().connections.create({
      environmentId: t.env.qa,
      kind: 'sage100',
      name: 'Sage gateway',
      config: { baseUrl: gw.url, company: gw.companies[0]!, allowPrivateHost: true },
      secret: gw.token,
    });
    expect(await owner().connections.test({ id: created.id })).toMatchObject({ ok: true });
    await owner().connections.update({ id: created.id, secret: 'not-the-gateway-token' });
    const bad = await owner().connections.test({ id: created.id });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    expect(bad.explanation).toMatch(/Sage 100 gateway refused the gateway token/);
  });

  it('refuses secrets hidden in config, duplicate names and missing environments, writing nothing', async () => {
    const before = await t.db.connection.count();
    const attempts = [
      owner().connections.create({
        environmentId: t.env.qa,
        kind: 'streak',
        name: 'x',
        config: { apiKey: 'sneaky' } as never,
        secret: 'abcdefgh12',
      }),
      owner().connections.create({
        environmentId: t.env.dev,
        kind: 'streak',
        name: 'Streak sandbox',
        config: {},
        secret: 'abcdefgh12',
      }),
      owner().connections.create({
        environmentId: '00000000-0000-4000-8000-000000000000',
        kind: 'streak',
        name: 'y',
        config: {},
        secret: 'abcdefgh12',
      }),
      owner().connections.create({
        environmentId: t.env.qa,
        kind: 'sage100',
        name: 'z',
        config: { baseUrl: 'ftp://x', company: 'ABCD' },
        secret: 'abcdefgh12',
      }),
    ];
    const codes = await Promise.all(
      attempts.map((p) =>
        p.then(
          () => 'OK',
          (e: TRPCError) => e.code,
        ),
      ),
    );
    expect(codes).toEqual(['BAD_REQUEST', 'CONFLICT', 'NOT_FOUND', 'BAD_REQUEST']);
    expect(await t.db.connection.count()).toBe(before);
  });

  it('rotates every secret to the active key and they still decrypt', async () => {
    const r = await owner().connections.rotateKeys({});
    expect(r.activeKeyId).toBe('k1');
    const env = await owner().environments.get({ id: t.env.dev });
    const sandboxConn = env.connections.find((c) => c.kind === 'streak')!;
    expect(sandboxConn.secretKeyId).toBe('k1');
    expect((await owner().connections.test({ id: sandboxConn.id })).ok).toBe(true);
  });
});
