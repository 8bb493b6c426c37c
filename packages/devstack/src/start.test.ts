// Bad configuration stops `conduit start` with one sentence that names the problem and the fix, and no
// stack trace. Each case runs the real entry point as a user would.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminUrl, repoRoot } from '@conduit/db/tools';
import { describe, expect, inject, it } from 'vitest';

function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['packages/devstack/src/start.ts'], {
      cwd: repoRoot,
      env: { ...process.env, CONDUIT_DATA_DIR: mkdtempSync(join(tmpdir(), 'conduit-start-')), DESIGNER_PORT: '3901', STREAK_SANDBOX_PORT: '3902', SAGE100_GATEWAY_PORT: '3903', TEMPORAL_PORT: '3904', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

function expectOneSentence(output: string, pattern: RegExp): void {
  const line = output.split('\n').find((l) => l.startsWith('Conduit cannot start: '));
  expect(line, output).toMatch(pattern);
  expect(output).not.toMatch(/\n\s+at /);
}

describe('conduit start refuses bad configuration clearly', () => {
  it('a malformed DATABASE_URL', async () => {
    const r = await start({ DATABASE_URL: 'not-a-url' });
    expect(r.code).toBe(1);
    expectOneSentence(r.output, /DATABASE_URL is not a valid URL \("not-a-url"\); use postgresql:\/\/user:password@host:5432\/database\.$/);
  });

  it('an unreachable database', async () => {
    const r = await start({ DATABASE_URL: 'postgresql://conduit:secret@127.0.0.1:1/conduit' });
    expect(r.code).toBe(1);
    expectOneSentence(r.output, /Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(connection refused\); start it \(npm run services\) or fix DATABASE_URL\.$/);
    expect(r.output).not.toContain('secret');
  });

  it('a missing secret key outside demo mode', async () => {
    const r = await start({ CONDUIT_DEMO: '0', DATABASE_URL: adminUrl(inject('databaseUrl'), 'postgres') });
    expect(r.code).toBe(1);
    expectOneSentence(r.output, /CONDUIT_SECRET_KEYS is not set; generate one with `openssl rand -base64 32` and set CONDUIT_SECRET_KEYS=k1:<that value>\.$/);
  });

  it('a malformed secret key', async () => {
    const r = await start({ CONDUIT_SECRET_KEYS: 'k1:c2hvcnQ=', NEXTAUTH_SECRET: 'x'.repeat(32) });
    expect(r.code).toBe(1);
    expectOneSentence(r.output, /Secret key "k1" must be 32 bytes of base64 \(got 5 bytes\)\.$/);
  });

  it('a port already in use', async () => {
    const blocker = net.createServer().listen(3901, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const r = await start({});
      expect(r.code).toBe(1);
      expectOneSentence(r.output, /Port 3901 \(designer\) is already in use; stop what is using it \(lsof -i :3901\) or set DESIGNER_PORT to another port\.$/);
    } finally {
      blocker.close();
    }
  });

  it('an invalid port number', async () => {
    const r = await start({ DESIGNER_PORT: 'eighty' });
    expect(r.code).toBe(1);
    expectOneSentence(r.output, /DESIGNER_PORT is invalid: /);
  });
});
