import { createTestDatabase, type TestDatabase } from '@conduit/db/tools';
import { generateSecretKey } from '@conduit/db';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readWorkerEnv } from './env';
import { startWorker } from './worker';

let env: TestWorkflowEnvironment;
let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase(inject('databaseUrl'));
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: inject('temporalTestServerPath') } } });
}, 120_000);
afterAll(async () => {
  await env?.teardown();
  await tdb?.drop();
});

// Port 0: a test never takes the worker's default metrics port (9464) from a running local stack.
const base = () => ({ DATABASE_URL: tdb.url, CONDUIT_SECRET_KEYS: generateSecretKey(), WORKER_METRICS_PORT: '0' });

describe('worker process', () => {
  it('serves one task queue per configured environment and drains on shutdown', async () => {
    const running = await startWorker(readWorkerEnv({ ...base(), CONDUIT_ENVIRONMENTS: 'dev,qa', CONDUIT_WORKER_ID: 'test-worker' }), env.nativeConnection);
    expect(running.taskQueues).toEqual(['conduit-dev', 'conduit-qa']);
    const result = await env.client.workflow.execute('healthCheck', { taskQueue: 'conduit-qa', workflowId: 'wk-health', args: ['qa'] });
    expect(result).toBe('workflow ok; activity ok on test-worker: qa');
    // Metrics: loopback without a token, the shared registry plus the dead-letter backlog read from the database.
    expect(running.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const metrics = await fetch(running.metricsUrl!);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('# TYPE conduit_runs_completed_total counter');
    expect(text).toContain('# TYPE conduit_dead_letters_open gauge');
    expect(text).toContain('process_cpu_seconds_total');
    await running.shutdown();
    await expect(fetch(running.metricsUrl!)).rejects.toThrow();
  });

  it('rejects bad configuration with a sentence naming the variable', () => {
    expect(() => readWorkerEnv({ ...base(), CONDUIT_ENVIRONMENTS: 'Dev Env' })).toThrow(/^CONDUIT_ENVIRONMENTS: environment keys are lowercase/);
    expect(() => readWorkerEnv({ ...base(), CONDUIT_ENVIRONMENTS: ' , ' })).toThrow(/CONDUIT_ENVIRONMENTS/);
    expect(() => readWorkerEnv({ DATABASE_URL: tdb.url })).toThrow(/^CONDUIT_SECRET_KEYS: CONDUIT_SECRET_KEYS is required/);
  });

  it('explains an unreachable Temporal server', async () => {
    await expect(startWorker(readWorkerEnv({ ...base(), TEMPORAL_ADDRESS: '127.0.0.1:1' }))).rejects.toThrow(
      'Cannot reach Temporal at 127.0.0.1:1; start it (conduit start) or set TEMPORAL_ADDRESS.',
    );
  });
});
