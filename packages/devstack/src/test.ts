// `conduit test`: every suite, then one closing line `N passed, N failed` summed over all of them.
// Edit when a suite is added. Vitest runs unit + integration tests (real PostgreSQL, real Temporal test
// server, sandbox and emulator over HTTP); Playwright runs the browser tests against a started stack; the
// faults stage runs the fault suite's short form and a short benchmark, each on a stack of its own.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@conduit/db/tools';
import { ensureDesignerBuild } from './designer-build';

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  crashed?: string;
}

const resultsDir = join(repoRoot, '.conduit', 'test-results');
const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function vitest(filter: string[]): Promise<SuiteResult> {
  const out = join(resultsDir, 'vitest.json');
  rmSync(out, { force: true });
  const code = await run(bin('vitest'), ['run', '--config', 'packages/devstack/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...filter]);
  if (!existsSync(out)) return { name: 'unit + integration (vitest)', passed: 0, failed: 0, skipped: 0, crashed: `vitest exited ${code} without results` };
  const r = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: Array<{ status: string; assertionResults: Array<{ status: string }> }>;
  };
  // A file that fails to load (or in a hook) has no failed test of its own but must still fail the run.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
  return { name: 'unit + integration (vitest)', passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests };
}

/** Lint and typecheck count as one check each: a repo that does not typecheck does not pass. */
async function staticChecks(): Promise<SuiteResult> {
  const checks = await Promise.all([
    run(bin('eslint'), ['--max-warnings=0', '.']),
    run(bin('turbo'), ['run', 'typecheck', '--output-logs=errors-only', '--concurrency=2']),
  ]);
  const failed = checks.filter((c) => c !== 0).length;
  return { name: 'static (eslint, tsc)', passed: checks.length - failed, failed, skipped: 0 };
}

async function playwright(filter: string[]): Promise<SuiteResult> {
  const name = 'browser (playwright)';
  try {
    await ensureDesignerBuild(join(repoRoot, 'apps', 'designer'));
  } catch (error) {
    return { name, passed: 0, failed: 0, skipped: 0, crashed: error instanceof Error ? error.message : String(error) };
  }
  const out = join(resultsDir, 'playwright.json');
  rmSync(out, { force: true });
  const code = await run(join(repoRoot, 'e2e', 'node_modules', '.bin', 'playwright'), ['test', '--config', 'e2e/playwright.config.ts', '--reporter=list,json', ...filter], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) return { name, passed: 0, failed: 0, skipped: 0, crashed: `playwright exited ${code} without results` };
  const s = (JSON.parse(readFileSync(out, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
  // A flaky test is a bug to fix, not a pass: count it as failed.
  return { name, passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
}

/** Each reconciliation check of the fault suite counts as one test; the short benchmark counts as one more. */
async function faults(): Promise<SuiteResult> {
  const name = 'faults + bench (e2e)';
  const out = join(resultsDir, 'faults.json');
  rmSync(out, { force: true });
  const code = await run(bin('tsx'), ['e2e/faults/run.ts', '--ci']);
  if (!existsSync(out)) return { name, passed: 0, failed: 0, skipped: 0, crashed: `the fault suite exited ${code} without results` };
  const checks = (JSON.parse(readFileSync(out, 'utf8')) as { checks: Array<{ ok: boolean }> }).checks;
  if (!checks.length) return { name, passed: 0, failed: 0, skipped: 0, crashed: `the fault suite exited ${code} without checks` };
  const bench = await run(bin('tsx'), ['e2e/bench/closed-won.ts', '--ci']);
  const failed = checks.filter((c) => !c.ok).length + (bench === 0 ? 0 : 1);
  return { name, passed: checks.length + 1 - failed, failed, skipped: 0 };
}

async function main(): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const filter = args.filter((a) => !a.startsWith('--'));
  const results: SuiteResult[] = [];
  if (!only || only === 'static') results.push(await staticChecks());
  if (!only || only === 'vitest') results.push(await vitest(filter));
  if (!only || only === 'playwright') results.push(await playwright(filter));
  // A run narrowed to some test files skips the stack-level suites.
  if ((!only && !filter.length) || only === 'faults') results.push(await faults());

  console.log('\nTest summary');
  for (const r of results) {
    console.log(`  ${r.name.padEnd(30)} ${r.crashed ? `did not run: ${r.crashed}` : `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`}`);
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed + (r.crashed ? 1 : 0), 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
