// One lint setup for the whole repository. Edit when a boundary rule or a workflow-code ban changes.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'dns', 'stream', 'worker_threads', 'cluster', 'process', 'timers'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.next/**', '**/dist/**', '**/generated/**', '**/next-env.d.ts', '**/test-results/**', '**/playwright-report/**', '.conduit/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Packages talk to each other through @conduit/<pkg>, never through a relative path into a sibling.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../packages/*', '../../apps/*', '../../../packages/*', '**/packages/*/src/*'], message: 'Import another package by its name (@conduit/<pkg>), not by a relative path.' }] },
      ],
    },
  },
  {
    // process.env is read once per app, in its env module (parsed with zod).
    files: ['apps/*/src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'],
    ignores: ['**/env.ts', '**/instrumentation.ts', '**/*.test.ts', '**/*.test.tsx', '**/src/test/**', 'packages/devstack/**', '**/src/cli/**', '**/bench/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through this app\'s env.ts (zod-parsed), not process.env.' }],
    },
  },
  {
    // Temporal workflow code must be deterministic: no I/O, no Node built-ins, no database, no connectors.
    files: ['packages/engine/src/workflows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.flatMap((m) => [{ name: m, message: 'Workflow code cannot use Node built-ins.' }, { name: `node:${m}`, message: 'Workflow code cannot use Node built-ins.' }]),
            { name: '@conduit/db', message: 'Workflow code cannot touch the database; use an activity.' },
            { name: '@prisma/client', message: 'Workflow code cannot touch the database; use an activity.' },
            { name: '@conduit/connector-streak', message: 'Workflow code cannot call connectors; use an activity.' },
            { name: '@conduit/connector-sage100', message: 'Workflow code cannot call connectors; use an activity.' },
            { name: '@conduit/connector-kit', importNames: ['createHttpClient'], message: 'Workflow code cannot do HTTP.' },
            { name: '@temporalio/activity', message: 'Workflow code calls activities through proxyActivities.' },
            { name: '@temporalio/client', message: 'Workflow code cannot use the Temporal client.' },
            { name: 'undici', message: 'Workflow code cannot do HTTP.' },
          ],
          patterns: [{ group: ['../activities/*', '../activities'], allowTypeImports: true, message: 'Import activities as types only.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Workflow code cannot do I/O.' }, { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' }],
    },
  },
  {
    files: ['apps/designer/src/**/*.tsx', 'apps/designer/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
