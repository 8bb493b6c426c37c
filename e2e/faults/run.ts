// The fault suite: a steady stream of Closed-Won deliveries on a stack of its own while the worker is
// SIGKILLed, PostgreSQL restarts, the gateway disappears, both remotes answer 5xx/429/nothing and Sage
// times out after committing; then a reconciliation of events, runs, orders and write-backs.
//   pnpm --filter @conduit/e2e faults          full form: 1,000 events, 10 kills, 60 s outage, PostgreSQL restart
//   pnpm --filter @conduit/e2e faults -- --ci  short form for `npm test` (PostgreSQL restart only with CONDUIT_FAULTS_PG_RESTART=1)
// Exits non-zero on any violation; writes .conduit/test-results/faults.json for the test runner.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createDb } from '@conduit/db';
import { DEMO_API_KEY } from '@conduit/streak-sandbox';
import { stackSetup } from '../bench/deploy';
import { repoRoot, stackProcesses, startStack, TICKS_PER_SECOND } from '../bench/stack';
import { type ChaosLog, type ChaosPlan, runChaos } from './chaos';
import { startChaosProxy } from './proxy';
import { type Findings, reconcile, unfinishedRuns } from './reconcile';
import { createBoxes, streamEvents } from './stream';
import { printReport } from './report';
import { workerSupervisor } from './worker';

const ci = process.argv.includes('--ci');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const events = Number(arg('events') ?? (ci ? 150 : 1000));
const ratePerSec = Number(arg('rate') ?? (ci ? 3 : 4));
const plan: ChaosPlan = {
  streamMs: (events / ratePerSec) * 1000,
  workerKills: Number(arg('kills') ?? (ci ? 3 : 10)),
  outageMs: Number(arg('outage') ?? (ci ? 10 : 60)) * 1000,
  pgRestart: ci ? process.env.CONDUIT_FAULTS_PG_RESTART === '1' : process.env.CONDUIT_FAULTS_PG_RESTART !== '0',
  bursts: ci ? 2 : 5,
  burstSize: 20,
  commitTimeoutRounds: ci ? 1 : 3,
};
const rates = { errorRate: 0.2, timeoutRate: 0.1 };
const drainMs = (ci ? 5 : 15) * 60_000;
const portBase = ci ? 3740 : 3700;

/** CPU seconds of this process, the workers it has reaped (killed or stopped) and the one running now. */
function ownCpuSeconds(livePid: number | undefined): number {
  const after = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  const live = livePid ? stackProcesses(livePid).filter((p) => !/^postgres/.test(p.cmd)).reduce((n, p) => n + p.cpuTicks, 0) : 0;
  return (Number(after[11]) + Number(after[12]) + Number(after[13]) + Number(after[14]) + live) / TICKS_PER_SECOND;
}
const stackCpuSeconds = (pid: number) => stackProcesses(pid).reduce((n, p) => n + p.cpuTicks, 0) / TICKS_PER_SECOND;

const startedAt = new Date();
console.log(`[faults] ${ci ? 'CI' : 'full'} form: ${events} events at ${ratePerSec}/s, ${plan.workerKills} worker kills, ${plan.outageMs / 1000} s gateway outage, PostgreSQL restart ${plan.pgRestart ? 'on' : 'off'}`);
// The stack's own worker serves only prod; the suite runs (and kills) the dev worker itself.
const stack = await startStack({ portBase, database: ci ? 'conduit_faults_ci' : 'conduit_faults', env: { CONDUIT_ENVIRONMENTS: 'prod' } });
const db = createDb({ databaseUrl: stack.databaseUrl, maxConnections: 4 });
const streak = await startChaosProxy({ target: stack.sandbox, port: portBase + 5, holdMs: 45_000 });
const sage = await startChaosProxy({ target: stack.gateway, port: portBase + 15, holdMs: 45_000 });
const worker = workerSupervisor({ DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, CONDUIT_SECRET_KEYS: stack.secretKeys, CONDUIT_ENVIRONMENTS: 'dev' });
let findings: Findings | undefined;
const chaosLog: ChaosLog[] = [];
let commitTimeouts = 0;
try {
  const setup = await stackSetup(db, stack.secretKeys);
  // The dev connections go through the fault proxies.
  for (const c of await db.connection.findMany({ where: { environmentId: setup.env.id } })) {
    const baseUrl = c.kind === 'streak' ? `${streak.url}/api` : sage.url;
    await db.connection.update({ where: { id: c.id }, data: { config: { ...(c.config as object), baseUrl } } });
  }
  await setup.deploy(setup.closedWon(0));
  const boxes = await createBoxes(stack.sandbox, DEMO_API_KEY, setup.seed.pipelineKey, events, `Faults ${startedAt.toISOString()}`);
  await worker.start();

  const cpu0 = { stack: stackCpuSeconds(stack.pid), own: ownCpuSeconds(worker.pid()) };
  Object.assign(streak.faults, rates);
  Object.assign(sage.faults, rates);
  const hookUrl = `${stack.designer}/api/hooks/streak/dev/${setup.env.webhookEndpointId}?event=BOX_CHANGE_STAGE`;
  const [sent] = await Promise.all([
    streamEvents({ setup, hookUrl, boxes, ratePerSec, onSent: (n) => n % 100 === 0 && console.log(`[faults] ${n}/${events} events delivered`) }),
    runChaos(plan, {
      worker,
      streak,
      sage,
      async timeoutAfterCommit(n) {
        commitTimeouts += n;
        const res = await fetch(`${stack.gateway}/__emulator/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timeoutAfterCommit: n }) });
        if (!res.ok) throw new Error(`setting the emulator fault failed: ${res.status}`);
      },
    }, chaosLog),
  ]);
  // Runs are still in flight (a restarted worker catches up after the stream): the 5xx and timeouts stay
  // on for the first half of the drain budget, then the remotes heal so the stragglers can finish.
  const drainStart = Date.now();
  let healed = false;
  for (let left = await unfinishedRuns(db, sent); left > 0 && Date.now() - drainStart < drainMs; left = await unfinishedRuns(db, sent)) {
    if (!healed && Date.now() - drainStart > drainMs / 2) {
      healed = true;
      Object.assign(streak.faults, { errorRate: 0, timeoutRate: 0 });
      Object.assign(sage.faults, { errorRate: 0, timeoutRate: 0 });
      console.log(`[faults] ${left} runs unfinished after ${((Date.now() - drainStart) / 1000).toFixed(0)} s: 5xx and timeouts off`);
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  console.log(`[faults] drained in ${((Date.now() - drainStart) / 1000).toFixed(0)} s`);
  const cpu = { stack: stackCpuSeconds(stack.pid) - cpu0.stack, workersAndSuite: ownCpuSeconds(worker.pid()) - cpu0.own };

  findings = await reconcile(sent, { db, gateway: stack.gateway, sandbox: stack.sandbox, apiKey: DEMO_API_KEY, pipelineKey: setup.seed.pipelineKey, orderNoField: setup.fields.orderNo });
  printReport({ form: ci ? 'CI' : 'full', startedAt, plan, rates, streak: streak.counts, sage: sage.counts, paths: { streak: streak.paths, sage: sage.paths }, commitTimeouts, workerStarts: worker.starts, chaosLog, findings, cpu, events: sent.length });
} finally {
  await worker.stop();
  await streak.close();
  await sage.close();
  await db.$disconnect();
  await stack.stop();
}

const failed = findings ? findings.checks.filter((c) => !c.ok).length : 1;
mkdirSync(`${repoRoot}.conduit/test-results`, { recursive: true });
writeFileSync(`${repoRoot}.conduit/test-results/faults.json`, JSON.stringify({ form: ci ? 'ci' : 'full', checks: findings?.checks ?? [] }, null, 2));
process.exit(failed ? 1 : 0);
