// The CLI as CI runs it: a real process against a real database; export → import round trip is
// idempotent, bad usage exits 1 with the usage text.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, createSecretBox, generateSecretKey, type Db } from '@conduit/db';
import { createTestDatabase, repoRoot, seedDemo, type TestDatabase } from '@conduit/db/tools';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

const cli = fileURLToPath(new URL('./flows.ts', import.meta.url));
let tdb: TestDatabase;
let db: Db;

function conduitFlows(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      join(repoRoot, 'node_modules/.bin/tsx'),
      [cli, ...args],
      { env: { ...process.env, DATABASE_URL: tdb.url } },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  tdb = await createTestDatabase(inject('databaseUrl'));
  db = createDb({ databaseUrl: tdb.url, maxConnections: 2 });
  const secrets = createSecretBox(`k1:${generateSecretKey()}`);
  await seedDemo(db, {
    secrets,
    streak: { baseUrl: 'http://127.0.0.1:9/api', apiKey: 'k' },
    sage100: { baseUrl: 'http://127.0.0.1:9', token: 't', company: 'ABC' },
  });
});
afterAll(async () => {
  await db.$disconnect();
  await tdb.drop();
});

describe('conduit-flows CLI', () => {
  it('seeds demo runs, exports a flow, and re-imports it without duplicating versions', async () => {
    const seeded = await conduitFlows(['demo-runs', '--workspace', 'demo', '--tag', 'cli']);
    expect(seeded.code).toBe(0);
    const scenario = JSON.parse(seeded.stdout) as { flowName: string };
    expect(await db.run.count()).toBe(8);

    const dir = mkdtempSync(join(tmpdir(), 'conduit-flows-'));
    const out = join(dir, 'flow.json');
    const exported = await conduitFlows([
      'export',
      '--workspace',
      'demo',
      '--flow',
      scenario.flowName,
      '--out',
      out,
    ]);
    expect(exported).toMatchObject({ code: 0 });
    const text = readFileSync(out, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      format: 'conduit.flow/v1',
      flow: { name: scenario.flowName },
      versions: [{ number: 1 }],
    });

    const again = await conduitFlows(['import', '--workspace', 'demo', out]);
    expect(again.stdout).toContain('0 version(s) added, 1 already present');

    const changed = JSON.parse(text) as { versions: Array<{ contentHash: string; number: number }> };
    changed.versions.push({ ...changed.versions[0]!, number: 2, contentHash: 'a-new-content-hash' });
    writeFileSync(out, JSON.stringify(changed));
    const added = await conduitFlows(['import', '--workspace', 'demo', out]);
    expect(added.stdout).toContain('1 version(s) added (v2), 1 already present');
    expect(
      await db.auditLog.count({ where: { action: 'flow.import', actorEmail: 'conduit-flows CLI' } }),
    ).toBe(2);
  });

  it('refuses bad usage and invalid files with exit code 1 and nothing written', async () => {
    const versions = await db.flowVersion.count();
    const noCommand = await conduitFlows([]);
    expect(noCommand.code).toBe(1);
    expect(noCommand.stderr).toContain('usage: conduit-flows');
    const bad = join(mkdtempSync(join(tmpdir(), 'conduit-flows-')), 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'something-else' }));
    const invalid = await conduitFlows(['import', '--workspace', 'demo', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('this is not a Conduit flow file');
    expect(await db.flowVersion.count()).toBe(versions);
  });
});
