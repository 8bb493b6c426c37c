// The production worker (apps/worker) as a process of our own, so it can be SIGKILLed and restarted while
// the rest of the stack keeps running. It runs as one node process (no tsx wrapper that would survive a
// SIGKILL of its parent) in a process group of its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '../bench/stack';

export interface WorkerSupervisor {
  /** Starts a worker and resolves when it polls its task queue. */
  start(): Promise<void>;
  /** SIGKILL: no drain, no shutdown hooks, in-flight activities are lost. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  pid(): number | undefined;
  /** Times the worker was started. */
  starts: number;
}

export function workerSupervisor(env: Record<string, string>): WorkerSupervisor {
  let child: ChildProcess | undefined;
  const exited = (c: ChildProcess) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r())));
  const signal = async (sig: NodeJS.Signals) => {
    const c = child;
    if (!c?.pid) return;
    try {
      process.kill(-c.pid, sig);
    } catch {
      // already gone
    }
    await exited(c);
    child = undefined;
  };
  const self: WorkerSupervisor = {
    starts: 0,
    async start() {
      const c = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      child = c;
      self.starts += 1;
      let output = '';
      await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output = (output + chunk.toString()).slice(-4000);
          if (output.includes('worker ready')) resolve();
        };
        c.stdout?.on('data', onData);
        c.stderr?.on('data', onData);
        c.once('exit', (code, sig) => reject(new Error(`worker exited (${code ?? sig}) before it was ready: ${output.slice(-800)}`)));
      });
    },
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    pid: () => child?.pid,
  };
  return self;
}
