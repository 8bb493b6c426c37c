// Worker process entry: serve the configured environments until SIGINT/SIGTERM, then drain and exit.
import { readWorkerEnv } from './env';
import { startWorker } from './worker';

try {
  const env = readWorkerEnv();
  const running = await startWorker(env);
  console.log(`worker ready on ${running.taskQueues.join(', ')} (Temporal ${env.TEMPORAL_ADDRESS})`);
  const stop = () => void running.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await running.done;
  console.log('worker stopped');
} catch (error) {
  console.error(`worker cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
