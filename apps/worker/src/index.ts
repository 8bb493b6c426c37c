export { readWorkerEnv, type WorkerEnv } from './env';
export { startWorker, type RunningWorker } from './worker';
