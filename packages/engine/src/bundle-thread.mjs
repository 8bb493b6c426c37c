// Worker-thread entry that builds the workflow bundle (see bundle.ts). Plain JavaScript on purpose: a worker
// thread does not inherit every TypeScript loader (vitest's does not), and webpack compiles the workflow
// TypeScript itself. The options arrive as plain data; the webpack hook is rebuilt from them here.
import { parentPort, workerData } from 'node:worker_threads';
import { bundleWorkflowCode } from '@temporalio/worker';

const { alias, ...options } = workerData;
const webpackConfigHook = (config) => ({
  ...config,
  resolve: { ...config.resolve, alias: { ...config.resolve?.alias, ...alias } },
  // A name workflow code imports that the runtime entries lack fails the build instead of being undefined.
  module: { ...config.module, parser: { ...config.module?.parser, javascript: { ...config.module?.parser?.javascript, exportsPresence: 'error' } } },
});
const logger = { log() {}, trace() {}, debug() {}, info() {}, warn: (m, a) => console.warn(m, a ?? ''), error: (m, a) => console.error(m, a ?? '') };
const { code } = await bundleWorkflowCode({ ...options, webpackConfigHook, logger });
parentPort.postMessage(code);
