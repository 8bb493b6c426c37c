// `conduit start`: the whole product on one machine with embedded defaults. Edit when a new process joins
// the stack. Order: config → ports → database (migrate + seed) → Temporal → apps → one "ready" line.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkDatabase, createDb, createSecretBox, parseDatabaseUrl, type SecretBox } from '@conduit/db';
import { adminUrl, DEMO_PASSWORD, DEMO_USERS, migrate, repoRoot, seedDemo } from '@conduit/db/tools';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { DEMO_GATEWAY_TOKEN } from '@conduit/sage100-gateway';
import { DEMO_API_KEY } from '@conduit/streak-sandbox';
import { installTemplates } from '@conduit/templates/install';
import { type MailSink, startMailSink } from './mail-sink';
import { readStartEnv } from './env';
import { ensureDesignerBuild } from './designer-build';
import { loadOrCreateLocalSecrets } from './local-secrets';
import { assertPortFree, waitForHttp, waitForPort } from './ports';
import { ProcessGroup } from './processes';

const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);
const group = new ProcessGroup();
let mailSink: MailSink | undefined;

async function main(): Promise<void> {
  const devMode = process.argv.includes('--dev');
  const env = readStartEnv();
  const demo = env.CONDUIT_DEMO === '1';
  const dataDir = env.CONDUIT_DATA_DIR ?? join(repoRoot, '.conduit');
  if (process.argv.includes('--reset')) {
    // Browser tests start from nothing: a new database and empty sandbox/emulator/Temporal state.
    rmSync(dataDir, { recursive: true, force: true });
    await recreateDatabase(env.DATABASE_URL);
  }
  mkdirSync(join(dataDir, 'data'), { recursive: true });

  const local = demo ? loadOrCreateLocalSecrets(dataDir) : undefined;
  const secretKeys = env.CONDUIT_SECRET_KEYS ?? local?.CONDUIT_SECRET_KEYS;
  const authSecret = env.NEXTAUTH_SECRET ?? local?.NEXTAUTH_SECRET;
  if (!secretKeys) throw new Error('CONDUIT_SECRET_KEYS is not set; generate one with `openssl rand -base64 32` and set CONDUIT_SECRET_KEYS=k1:<that value>.');
  if (!authSecret) throw new Error('NEXTAUTH_SECRET is not set; generate one with `openssl rand -base64 32` and set NEXTAUTH_SECRET.');
  const secrets = createSecretBox(secretKeys);
  parseDatabaseUrl(env.DATABASE_URL);

  const mailPort = env.MAIL_SINK_PORT ?? env.DESIGNER_PORT + 1030;
  const ports = [
    { port: env.DESIGNER_PORT, what: 'designer', envVar: 'DESIGNER_PORT' },
    { port: env.STREAK_SANDBOX_PORT, what: 'Streak sandbox', envVar: 'STREAK_SANDBOX_PORT' },
    { port: env.SAGE100_GATEWAY_PORT, what: 'Sage 100 gateway', envVar: 'SAGE100_GATEWAY_PORT' },
    ...(env.TEMPORAL_ADDRESS ? [] : [{ port: env.TEMPORAL_PORT, what: 'Temporal dev server', envVar: 'TEMPORAL_PORT' }]),
    { port: mailPort, what: 'mail sink (SMTP)', envVar: 'MAIL_SINK_PORT' },
    { port: mailPort + 1, what: 'mail sink (page)', envVar: 'MAIL_SINK_PORT' },
  ];
  for (const p of ports) await assertPortFree(p);

  await checkDatabase(env.DATABASE_URL);
  const migrated = await migrate({ databaseUrl: env.DATABASE_URL });
  log(migrated.applied.length ? `database migrated (${migrated.applied.join(', ')})` : 'database is up to date');

  const urls = {
    designer: `http://127.0.0.1:${env.DESIGNER_PORT}`,
    sandbox: `http://127.0.0.1:${env.STREAK_SANDBOX_PORT}`,
    gateway: `http://127.0.0.1:${env.SAGE100_GATEWAY_PORT}`,
    mail: `http://127.0.0.1:${mailPort + 1}`,
  };
  let demoWorkspaceId: string | undefined;
  if (demo) {
    const db = createDb({ databaseUrl: env.DATABASE_URL, maxConnections: 2 });
    ({ workspaceId: demoWorkspaceId } = await seedDemo(db, {
      secrets,
      streak: { baseUrl: `${urls.sandbox}/api`, apiKey: DEMO_API_KEY },
      sage100: { baseUrl: urls.gateway, token: DEMO_GATEWAY_TOKEN, company: 'ABC' },
    }));
    await db.$disconnect();
    log('demo workspace seeded');
  }

  const designerDir = join(repoRoot, 'apps', 'designer');
  if (!devMode) await ensureDesignerBuild(designerDir);

  let stopping: Promise<void> | undefined;
  const shutdown = async (code: number) => {
    // A terminal Ctrl-C can arrive twice (directly and relayed by tsx); stop only once.
    stopping ??= (async () => {
      log('shutting down…');
      await group.stopAll();
      await mailSink?.close();
      log('stopped');
      process.exit(code);
    })();
    await stopping;
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  let temporalAddress = env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    temporalAddress = `127.0.0.1:${env.TEMPORAL_PORT}`;
    // WAL with synchronous=NORMAL: a killed process loses nothing (only an OS crash could lose the last
    // commits), and the dev server spends about half the CPU per workflow it does with the defaults.
    group.spawn({
      name: 'temporal',
      command: 'temporal',
      args: ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(env.TEMPORAL_PORT), '--db-filename', join(dataDir, 'temporal.db'), '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal', '--log-level', 'warn'],
      cwd: repoRoot,
      env: process.env,
    });
    if (!(await waitForPort({ port: env.TEMPORAL_PORT, timeoutMs: 30_000 }))) throw new Error(`The Temporal dev server did not open port ${env.TEMPORAL_PORT} within 30 s; see the [temporal] lines above.`);
  } else {
    const [host, port] = temporalAddress.split(':');
    if (!(await waitForPort({ host, port: Number(port ?? 7233), timeoutMs: 5000 }))) throw new Error(`Cannot reach Temporal at TEMPORAL_ADDRESS=${temporalAddress}; start it or fix the address.`);
  }

  // Flows' e-mail lands in the local sink (its page lists it) unless a real relay is configured.
  mailSink = await startMailSink({ smtpPort: mailPort, httpPort: mailPort + 1, dataFile: join(dataDir, 'data', 'mail-sink.json') });
  const shared = {
    ...process.env,
    DATABASE_URL: env.DATABASE_URL,
    TEMPORAL_ADDRESS: temporalAddress,
    CONDUIT_SECRET_KEYS: secretKeys,
    CONDUIT_DEMO: env.CONDUIT_DEMO,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  group.spawn({
    name: 'sandbox',
    command: bin('tsx'),
    args: ['apps/streak-sandbox/src/main.ts'],
    cwd: repoRoot,
    env: { ...shared, STREAK_SANDBOX_PORT: String(env.STREAK_SANDBOX_PORT), STREAK_SANDBOX_DATA_FILE: join(dataDir, 'data', 'streak-sandbox.json') },
  });
  group.spawn({
    name: 'gateway',
    command: bin('tsx'),
    args: ['apps/sage100-gateway/src/main.ts'],
    cwd: repoRoot,
    env: { ...shared, SAGE100_GATEWAY_PORT: String(env.SAGE100_GATEWAY_PORT), SAGE100_GATEWAY_TOKEN: DEMO_GATEWAY_TOKEN, SAGE100_EMULATOR_DATA_FILE: join(dataDir, 'data', 'sage100-emulator.json') },
  });
  // CONDUIT_WORKER_CPU_PROF=<dir> writes a V8 CPU profile of the worker there when it stops (for benchmarks).
  const workerProfile = process.env.CONDUIT_WORKER_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.CONDUIT_WORKER_CPU_PROF] : [];
  // Stacks on other ports (tests, benchmarks) get their own worker metrics port: 9464 beside designer 3000.
  const workerMetricsPort = process.env.WORKER_METRICS_PORT ?? String(9464 + env.DESIGNER_PORT - 3000);
  const workerEnv = { ...shared, WORKER_METRICS_PORT: workerMetricsPort, CONDUIT_SMTP_URL: env.CONDUIT_SMTP_URL ?? `smtp://127.0.0.1:${mailPort}?from=conduit@demo.conduit.local`, CONDUIT_DESIGNER_URL: urls.designer };
  group.spawn({ name: 'worker', command: bin('tsx'), args: [...workerProfile, 'apps/worker/src/main.ts'], cwd: repoRoot, env: workerEnv });

  group.spawn({
    name: 'designer',
    command: join(designerDir, 'node_modules', '.bin', 'next'),
    args: [devMode ? 'dev' : 'start', '-H', '127.0.0.1', '-p', String(env.DESIGNER_PORT)],
    cwd: designerDir,
    env: { ...shared, NEXTAUTH_SECRET: authSecret, NEXTAUTH_URL: urls.designer, NODE_ENV: devMode ? 'development' : 'production' },
  });

  const exit = group.firstUnexpectedExit();
  const ready = Promise.all([
    waitForHttp({ url: `${urls.sandbox}/__sandbox/health`, timeoutMs: 60_000 }),
    waitForHttp({ url: `${urls.gateway}/health`, timeoutMs: 60_000 }),
    waitForHttp({ url: `${urls.designer}/api/health`, timeoutMs: 120_000 }),
  ]);
  const first = await Promise.race([ready.then((ok) => ({ ok })), exit.then((e) => ({ exit: e }))]);
  if ('exit' in first) {
    console.error(`\n${first.exit.name} exited (code ${first.exit.code}) during start-up; see its lines above.`);
    return shutdown(1);
  }
  if (first.ok.includes(false)) {
    console.error('\nA part of the stack did not answer within its start-up time; see the lines above.');
    return shutdown(1);
  }
  // Once the sandbox answers: deploying Closed-Won registers its webhook there.
  if (demoWorkspaceId) await installDemoFlows({ databaseUrl: env.DATABASE_URL, workspaceId: demoWorkspaceId, secrets, publicUrl: urls.designer, temporalAddress });
  printReady({ urls, temporalAddress, demo });
  const crashed = await exit;
  console.error(`\n${crashed.name} exited unexpectedly (code ${crashed.code}); stopping the rest.`);
  await shutdown(1);
}

function printReady(options: { urls: Record<'designer' | 'sandbox' | 'gateway' | 'mail', string>; temporalAddress: string; demo: boolean }): void {
  const lines = [
    'Conduit is ready.',
    `  Designer           ${options.urls.designer}`,
    `  Streak sandbox     ${options.urls.sandbox}   (board: ${options.urls.sandbox}/)`,
    `  Sage 100 gateway   ${options.urls.gateway}   (emulator page: ${options.urls.gateway}/)`,
    `  Mail sink          ${options.urls.mail}   (e-mail sent by flows)`,
    `  Temporal           ${options.temporalAddress}`,
  ];
  if (options.demo) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.role.padEnd(9)} ${u.email}`);
  }
  lines.push('Press Ctrl-C to stop everything.');
  console.log(`\n${lines.join('\n')}\n`);
}

async function recreateDatabase(databaseUrl: string): Promise<void> {
  const name = parseDatabaseUrl(databaseUrl).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`--reset needs a plain database name (letters, digits, _), not "${name}".`);
  const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/** The lead-to-cash templates as flows of the demo workspace (idempotent). A failure is reported, not fatal. */
async function installDemoFlows(o: { databaseUrl: string; workspaceId: string; secrets: SecretBox; publicUrl: string; temporalAddress: string }): Promise<void> {
  const db = createDb({ databaseUrl: o.databaseUrl, maxConnections: 2 });
  // Change-feed templates deploy with a Temporal Schedule; the connection is opened only if one needs it.
  let connection: Promise<Connection> | undefined;
  const temporal = async () => new Client({ connection: await (connection ??= Connection.connect({ address: o.temporalAddress })) });
  try {
    const r = await installTemplates(db, o.workspaceId, { secrets: o.secrets, publicUrl: o.publicUrl, temporal });
    log(`demo flows: ${r.created.length} installed from templates${r.deployed.length ? `, ${r.deployed.join(', ')} deployed to dev` : ''}`);
    for (const w of r.warnings) log(w);
  } catch (error) {
    log(`demo flows were not installed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await db.$disconnect();
    await (await connection?.catch(() => undefined))?.close();
  }
}

function log(message: string): void {
  console.log(`[conduit] ${message}`);
}

main().catch(async (error: unknown) => {
  // Start-up problems are explained in one sentence; a stack trace would bury the fix.
  console.error(`\nConduit cannot start: ${error instanceof Error ? error.message : String(error)}`);
  await group.stopAll();
  await mailSink?.close();
  process.exit(1);
});

