import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from './activities';
import { workflowsPath } from './worker';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } },
  });
}, 120_000);
afterAll(async () => {
  await env?.teardown();
});

describe('worker wiring', () => {
  it('runs a workflow that calls an activity on a real Temporal test server', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'health-test',
      workflowsPath,
      activities: createActivities({ workerId: 'w1' }),
    });
    const result = await worker.runUntil(
      env.client.workflow.execute('healthCheck', { taskQueue: 'health-test', workflowId: 'health-1', args: ['hello'] }),
    );
    expect(result).toBe('workflow ok; activity ok on w1: hello');
  });
});
