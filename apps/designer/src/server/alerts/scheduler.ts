// Background jobs of the operate side, for a long-running designer process: alert rules every minute,
// run retention every hour. Call `startOperateJobs()` once per process (e.g. from Next's
// instrumentation `register()` in the nodejs runtime); it returns a stop function for clean shutdown.
import type { Db, SecretBox } from '@conduit/db';
import { pruneRuns } from '../routers/operate/retention';
import { evaluateAlerts } from './evaluate';

export function startOperateJobs(opts: {
  db: Db;
  secrets: SecretBox;
  log?: (message: string) => void;
  alertEveryMs?: number;
  pruneEveryMs?: number;
}): () => void {
  const log = opts.log ?? ((m: string) => console.warn(`[operate] ${m}`));
  let running = false;
  // One job at a time per process; a slow SMTP server must not stack evaluations.
  const guard = (name: string, job: () => Promise<unknown>) => async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (err) {
      log(`${name} failed: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const alerts = setInterval(
    guard('alert evaluation', () => evaluateAlerts(opts.db, opts.secrets)),
    opts.alertEveryMs ?? 60_000,
  );
  const prune = setInterval(
    guard('run retention', () => pruneRuns(opts.db)),
    opts.pruneEveryMs ?? 3_600_000,
  );
  alerts.unref();
  prune.unref();
  return () => {
    clearInterval(alerts);
    clearInterval(prune);
  };
}
