// A whole Conduit stack of the suite's own (ports 57xx, database conduit_security, its own data directory)
// for the full form, with every line every process logs kept for scanning. The database is reached as a
// role with a distinctive password so a leak of that password can be recognised in the logs.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@conduit/db/tools';
import { inheritedEnv } from './env';

export const STACK = { designer: 5710, sandbox: 5720, gateway: 5730, temporal: 5740, mail: 5750, database: 'conduit_security' };
export const DB_PASSWORD = 'pg-pass-4417-security-suite';
export const SMTP_PASSWORD = 'smtp-pass-8812-security-suite';

export interface RunningStack {
  designer: string;
  sandbox: string;
  gateway: string;
  databaseUrl: string;
  /** CONDUIT_SECRET_KEYS and NEXTAUTH_SECRET as generated for this stack. */
  localSecrets: Record<string, string>;
  logs(): string;
  stop(): Promise<void>;
}

export async function startStack(adminUrl: string): Promise<RunningStack> {
  const { createDb } = await import('@conduit/db');
  const admin = createDb({ databaseUrl: adminUrl });
  const role = 'conduit_security';
  await admin.$executeRawUnsafe(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN SUPERUSER; END IF; END $$`);
  await admin.$executeRawUnsafe(`ALTER ROLE ${role} PASSWORD '${DB_PASSWORD}'`);
  await admin.$disconnect();
  const host = new URL(adminUrl);
  const databaseUrl = `postgresql://${role}:${DB_PASSWORD}@${host.hostname}:${host.port || 5432}/${STACK.database}`;
  const dataDir = join(repoRoot, '.conduit', STACK.database);
  let log = '';
  const child: ChildProcess = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['packages/devstack/src/start.ts', '--reset'], {
    cwd: repoRoot,
    env: {
      ...inheritedEnv,
      DATABASE_URL: databaseUrl,
      CONDUIT_DATA_DIR: dataDir,
      DESIGNER_PORT: String(STACK.designer),
      STREAK_SANDBOX_PORT: String(STACK.sandbox),
      SAGE100_GATEWAY_PORT: String(STACK.gateway),
      TEMPORAL_PORT: String(STACK.temporal),
      MAIL_SINK_PORT: String(STACK.mail),
      CONDUIT_SMTP_URL: `smtp://conduit:${SMTP_PASSWORD}@127.0.0.1:${STACK.mail}?from=conduit@security.test`,
      CONDUIT_DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => (log += b.toString());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => log.includes('Conduit is ready') && (clearInterval(timer), resolve()), 200);
    child.once('exit', (code) => (clearInterval(timer), reject(new Error(`the stack exited (${code}) before it was ready:\n${log.slice(-3000)}`))));
  });
  const localSecrets = Object.fromEntries(
    readFileSync(join(dataDir, 'local.env'), 'utf8')
      .split('\n')
      .flatMap((l) => (/^([A-Z_]+)=(.+)$/.exec(l) ? [[l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]] : [])),
  ) as Record<string, string>;
  const url = (port: number) => `http://127.0.0.1:${port}`;
  return {
    designer: url(STACK.designer),
    sandbox: url(STACK.sandbox),
    gateway: url(STACK.gateway),
    databaseUrl,
    localSecrets,
    logs: () => log,
    // The orchestrator stops its process group on SIGTERM; wait for it so no port stays taken.
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
