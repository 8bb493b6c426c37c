import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readWorkerEnv } from './env';
import { startWorker } from './worker';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } },
  });
}, 120_000);
afterAll(async () => {
  await env?.teardown();
});

describe('worker process', () => {
  it('serves one task queue per configured environment and drains on shutdown', async () => {
    const running = await startWorker(readWorkerEnv({ CONDUIT_ENVIRONMENTS: 'dev,qa', CONDUIT_WORKER_ID: 'test-worker' }), env.nativeConnection);
    expect(running.taskQueues).toEqual(['conduit-dev', 'conduit-qa']);
    const result = await env.client.workflow.execute('healthCheck', { taskQueue: 'conduit-qa', workflowId: 'wk-health', args: ['qa'] });
    expect(result).toBe('workflow ok; activity ok on test-worker: qa');
    await running.shutdown();
  });

  it('rejects bad configuration with a sentence naming the variable', () => {
    expect(() => readWorkerEnv({ CONDUIT_ENVIRONMENTS: 'Dev Env' })).toThrow(/^CONDUIT_ENVIRONMENTS: environment keys are lowercase/);
    expect(() => readWorkerEnv({ CONDUIT_ENVIRONMENTS: ' , ' })).toThrow(/CONDUIT_ENVIRONMENTS/);
  });

  it('explains an unreachable Temporal server', async () => {
    await expect(startWorker(readWorkerEnv({ TEMPORAL_ADDRESS: '127.0.0.1:1' }))).rejects.toThrow(
      'Cannot reach Temporal at 127.0.0.1:1; start it (conduit start) or set TEMPORAL_ADDRESS.',
    );
  });
});
