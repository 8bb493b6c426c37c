// Starts a whole Conduit stack for a benchmark on its own ports, database and data directory, and
// measures the CPU and memory of every process in it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface BenchStack {
  designer: string;
  sandbox: string;
  gateway: string;
  databaseUrl: string;
  dataDir: string;
  temporalAddress: string;
  /** CONDUIT_SECRET_KEYS of the stack (demo mode generates them into its data directory). */
  secretKeys: string;
  pid: number;
  stop(): Promise<void>;
}

/** `env` reaches every process of the stack (e.g. CONDUIT_ENVIRONMENTS to keep its worker off a task queue). */
export async function startStack(options: { portBase: number; database: string; env?: Record<string, string> }): Promise<BenchStack> {
  const dataDir = `${repoRoot}.conduit/${options.database}`;
  const databaseUrl = `postgresql://conduit:conduit@127.0.0.1:5432/${options.database}`;
  const ports = { designer: options.portBase, sandbox: options.portBase + 10, gateway: options.portBase + 20, temporal: options.portBase + 30 };
  const child: ChildProcess = spawn(`${repoRoot}node_modules/.bin/tsx`, ['packages/devstack/src/start.ts', '--reset'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, CONDUIT_DATA_DIR: dataDir, DESIGNER_PORT: String(ports.designer), STREAK_SANDBOX_PORT: String(ports.sandbox), SAGE100_GATEWAY_PORT: String(ports.gateway), TEMPORAL_PORT: String(ports.temporal), CONDUIT_DEMO: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      log += b.toString();
      if (log.includes('Conduit is ready')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    // The Temporal dev server's shutdown warnings would bury the reason the stack stopped.
    child.once('exit', (code) => reject(new Error(`the stack exited (${code}) before it was ready:\n${log.split('\n').filter((l) => !l.startsWith('[temporal]')).join('\n').slice(-3000)}`)));
  });
  return {
    designer: `http://127.0.0.1:${ports.designer}`,
    sandbox: `http://127.0.0.1:${ports.sandbox}`,
    gateway: `http://127.0.0.1:${ports.gateway}`,
    databaseUrl,
    dataDir,
    temporalAddress: `127.0.0.1:${ports.temporal}`,
    secretKeys: /CONDUIT_SECRET_KEYS=(.*)/.exec(readFileSync(`${dataDir}/local.env`, 'utf8'))?.[1] ?? '',
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface ProcStat {
  pid: number;
  ppid: number;
  cpuTicks: number;
  rssKb: number;
  cmd: string;
}

function readProc(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return { pid, ppid: Number(after[1]), cpuTicks: Number(after[11]) + Number(after[12]), rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), cmd };
  } catch {
    return undefined;
  }
}

/** Every process of the stack (descendants of its orchestrator) plus the PostgreSQL server processes. */
export function stackProcesses(rootPid: number): ProcStat[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => readProc(Number(d))).filter((p): p is ProcStat => Boolean(p));
  const inStack = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!inStack.has(p.pid) && inStack.has(p.ppid)) {
        inStack.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => inStack.has(p.pid) || /^postgres/.test(p.cmd));
}

export const TICKS_PER_SECOND = 100;

/** The designer's processes in a stack's process list (the Next.js server). */
export const DESIGNER_PROCESS = /next-server|next start|next\/dist/;

/** The p-th percentile (nearest rank) of the samples. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}
