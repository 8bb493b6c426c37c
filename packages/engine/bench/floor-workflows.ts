// The smallest workflows Temporal can run, for the floor benchmark (temporal-floor.ts): nothing, and three
// local activities in a row (what a Closed-Won run issues: create order, write back, record the run).
import { proxyLocalActivities } from '@temporalio/workflow';
import type { floorActivities } from './floor-worker';

const { noop } = proxyLocalActivities<typeof floorActivities>({ startToCloseTimeout: 10_000 });

export async function empty(): Promise<string> {
  return 'ok';
}

export async function threeLocal(input: string): Promise<string> {
  const a = await noop(input);
  const b = await noop(a);
  return noop(b);
}
