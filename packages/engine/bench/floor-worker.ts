// Worker process of the floor benchmark: serves floor-workflows.ts on one task queue until SIGTERM.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';

export const floorActivities = {
  async noop(x: string): Promise<string> {
    return x;
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const connection = await NativeConnection.connect({ address: process.env.FLOOR_TEMPORAL ?? '127.0.0.1:7233' });
  const worker = await Worker.create({
    connection,
    taskQueue: 'floor',
    workflowsPath: fileURLToPath(new URL('./floor-workflows.ts', import.meta.url)),
    activities: floorActivities,
    maxConcurrentWorkflowTaskExecutions: 100,
    maxConcurrentLocalActivityExecutions: 200,
  });
  process.once('SIGTERM', () => worker.shutdown());
  console.log('floor worker ready');
  await worker.run();
  await connection.close();
}
