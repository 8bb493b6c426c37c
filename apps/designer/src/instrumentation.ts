// Next calls register() once per server process: start the operate side's background jobs (alert rules
// every minute, run retention every hour) there, in the Node.js runtime only and never during a build.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { db, secrets } = await import('./server/db');
  const { startOperateJobs } = await import('./server/alerts/scheduler');
  startOperateJobs({ db: db(), secrets: secrets() });
}
