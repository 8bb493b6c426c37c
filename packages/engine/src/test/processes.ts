// Real processes for durability tests: a Temporal dev server and worker processes that can be SIGKILLed.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { repoRoot } from '@conduit/db/tools';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect({ port, host: '127.0.0.1' });
      s.once('connect', () => (s.destroy(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on ${port} within ${timeoutMs} ms`);
}

export async function startTemporalDevServer(cliPath: string): Promise<{ address: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(cliPath, ['server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'], { stdio: 'ignore' });
  await waitForPort(port, 60_000);
  return { address: `127.0.0.1:${port}`, stop: () => stop(child, 'SIGTERM') };
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** The production worker entry (apps/worker) as a child process. */
export function startWorkerProcess(env: Record<string, string>): { ready: Promise<void>; kill(): Promise<void>; stop(): Promise<void> } {
  const child = spawn(`${repoRoot}node_modules/.bin/tsx`, ['apps/worker/src/main.ts'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker ready')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready: ${output.slice(-500)}`)));
  });
  return { ready, kill: () => stop(child, 'SIGKILL'), stop: () => stop(child, 'SIGTERM') };
}
