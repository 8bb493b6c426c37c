import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

const { ping } = proxyActivities<Activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 3 } });

/** Proves a worker is serving a task queue end to end (workflow → activity → back). */
export async function healthCheck(message: string): Promise<string> {
  return `workflow ok; ${await ping(message)}`;
}
