// The faults injected while the stream runs, on a schedule spread over the stream's duration: worker
// SIGKILLs at random moments (restarted each time), one gateway outage, one PostgreSQL restart, 429 bursts
// on both sides and timeouts after a Sage commit. Every action is logged with its time.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ChaosProxy } from './proxy';
import type { WorkerSupervisor } from './worker';

export interface ChaosPlan {
  streamMs: number;
  workerKills: number;
  outageMs: number;
  pgRestart: boolean;
  /** 429 bursts per side, each of `burstSize` requests. */
  bursts: number;
  burstSize: number;
  /** Rounds of "the next 3 Sage order writes commit, then time out". */
  commitTimeoutRounds: number;
}

export interface ChaosLog {
  at: number;
  what: string;
}

export interface ChaosDeps {
  worker: WorkerSupervisor;
  streak: ChaosProxy;
  sage: ChaosProxy;
  /** Sets the emulator's timeoutAfterCommit fault. */
  timeoutAfterCommit(n: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A restart can fail while PostgreSQL is down (the worker checks the database first): try again. */
async function restart(worker: WorkerSupervisor, note: (what: string) => void): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await worker.start();
    } catch (error) {
      if (attempt >= 10) throw error;
      note(`worker restart failed (${(error as Error).message.slice(0, 120)}); retrying`);
      await sleep(2000);
    }
  }
}

export async function runChaos(plan: ChaosPlan, deps: ChaosDeps, log: ChaosLog[]): Promise<void> {
  const t0 = Date.now();
  const note = (what: string) => {
    log.push({ at: (Date.now() - t0) / 1000, what });
    console.log(`[faults] +${((Date.now() - t0) / 1000).toFixed(1)}s ${what}`);
  };
  const at = (share: number) => sleep(t0 + share * plan.streamMs - Date.now());

  // Worker kills: random moments between 5% and 95% of the stream; a kill waits for the previous restart.
  const killTimes = Array.from({ length: plan.workerKills }, () => 0.05 + Math.random() * 0.9).sort((a, b) => a - b);
  const kills = (async () => {
    let upSince = Date.now();
    for (const share of killTimes) {
      await at(share);
      // A kill that came due during a restart still lets the new worker pick up work first (1-6 s).
      await sleep(upSince + 1000 + Math.random() * 5000 - Date.now());
      await deps.worker.kill();
      note(`worker SIGKILLed (kill ${deps.worker.starts})`);
      const restarting = Date.now();
      await restart(deps.worker, note);
      upSince = Date.now();
      note(`worker restarted, ready after ${((Date.now() - restarting) / 1000).toFixed(1)} s`);
    }
  })();

  const outage = (async () => {
    await at(0.35);
    note(`gateway unreachable for ${plan.outageMs / 1000} s (nothing listens on its port)`);
    await deps.sage.outage(plan.outageMs);
    note('gateway reachable again');
  })();

  const pg = (async () => {
    if (!plan.pgRestart) return;
    await at(0.6);
    note('PostgreSQL restart (pg_ctlcluster 15 main restart)');
    const started = Date.now();
    await promisify(execFile)('pg_ctlcluster', ['15', 'main', 'restart']);
    note(`PostgreSQL back after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  })();

  const bursts = (async () => {
    for (let i = 0; i < plan.bursts; i++) {
      await at((i + 0.5) / plan.bursts);
      deps.streak.burst429(plan.burstSize, 2);
      deps.sage.burst429(plan.burstSize, 2);
      note(`429 burst: the next ${plan.burstSize} requests on each side get 429 (Retry-After: 2)`);
    }
  })();

  const commits = (async () => {
    for (let i = 0; i < plan.commitTimeoutRounds; i++) {
      await at((i + 0.3) / plan.commitTimeoutRounds);
      await deps.timeoutAfterCommit(3);
      note('Sage: the next 3 order writes commit, then time out');
    }
  })();

  await Promise.all([kills, outage, pg, bursts, commits]);
}
