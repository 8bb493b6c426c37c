// Child processes of `conduit start`: prefixed, coloured logs and a clean shutdown of all of them.
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

const COLOURS = [36, 35, 33, 32, 34, 31];

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

export class ProcessGroup {
  private children: Child[] = [];
  private stopping = false;

  spawn(options: { name: string; command: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv; quiet?: RegExp }): Child {
    const colour = COLOURS[this.children.length % COLOURS.length];
    const prefix = process.stdout.isTTY ? `\x1b[${colour}m[${options.name}]\x1b[0m ` : `[${options.name}] `;
    // Each child leads its own process group, so stopping it reaches its own children too (`next start`
    // runs the server in a child process that would otherwise be orphaned).
    const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        if (!options.quiet?.test(line)) process.stdout.write(`${prefix}${line}\n`);
      });
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const entry = { name: options.name, process: child, exited };
    this.children.push(entry);
    return entry;
  }

  /** Resolves with the first child that exits while we are not stopping. */
  firstUnexpectedExit(): Promise<{ name: string; code: number | null }> {
    return Promise.race(
      this.children.map((c) => c.exited.then((code) => (this.stopping ? new Promise<never>(() => undefined) : { name: c.name, code }))),
    );
  }

  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    // Stop in reverse start order so the designer and worker leave before the services they use.
    for (const child of [...this.children].reverse()) {
      if (child.process.exitCode !== null || child.process.pid === undefined) continue;
      const signalGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-(child.process.pid as number), signal);
        } catch {
          // already gone
        }
      };
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await child.exited;
      clearTimeout(timer);
    }
  }
}
