// Process helpers for the engine benchmarks: a Temporal dev server started the way devstack starts it, and
// CPU time / RSS of a process tree read from /proc (clock ticks are 1/100 s).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';

function stat(pid: number): { cpuMs: number; rssKb: number } {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { cpuMs: (Number(f[11]) + Number(f[12])) * 10, rssKb: Number(f[21]) * 4 };
  } catch {
    return { cpuMs: 0, rssKb: 0 };
  }
}

/** The process and its descendants (tsx runs the real program as its child). */
export function tree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const t of readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) out.push(Number(t));
    } catch {
      // gone
    }
  }
  return out;
}

export const treeCpuMs = (pid: number) => tree(pid).reduce((a, p) => a + stat(p).cpuMs, 0);
export const treeMaxRssMb = (pid: number) => Math.max(...tree(pid).map((p) => stat(p).rssKb)) / 1024;
export const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** `temporal server start-dev` with a SQLite file (as devstack runs it) or in memory, plus any extra CLI
 * arguments (e.g. `--sqlite-pragma synchronous=OFF`); resolves once it answers. */
export async function startDevServer(options: { port: number; memory?: boolean; extraArgs?: string[] }): Promise<{ address: string; pid: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-bench-temporal-'));
  const db = options.memory ? [] : ['--db-filename', join(dir, 'temporal.db')];
  const child: ChildProcess = spawn('temporal', ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(options.port), ...db, '--log-level', 'warn', ...(options.extraArgs ?? [])], { stdio: 'ignore' });
  const address = `127.0.0.1:${options.port}`;
  if (await Connection.connect({ address, connectTimeout: 500 }).then((c) => (void c.close(), true), () => false)) throw new Error(`something already listens on ${address}; pick another --port`);
  for (let i = 0; ; i++) {
    const c = await Connection.connect({ address, connectTimeout: 1000 }).catch(() => undefined);
    if (c) {
      await c.close();
      break;
    }
    if (i > 60 || child.exitCode !== null) throw new Error(`the Temporal dev server did not answer on ${address}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    address,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => (rmSync(dir, { recursive: true, force: true }), resolve()));
        child.kill('SIGTERM');
      }),
  };
}

/** Starts a child process and resolves once its output contains `text`. */
export function startUntil(command: string, args: string[], env: Record<string, string>, text: string): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (b: Buffer) => {
      log += b.toString();
      if (log.includes(text)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}):\n${log.slice(-2000)}`)));
  });
}

export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
