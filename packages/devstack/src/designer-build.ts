// Builds the designer for production once, and again only when its sources (or a package it uses) changed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@conduit/db/tools';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.next' || entry.name === 'generated') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function designerBuildIsFresh(designerDir: string): boolean {
  const buildId = join(designerDir, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  const sources = [join(designerDir, 'src'), join(repoRoot, 'packages')].map(newestMtime);
  return Math.max(...sources) < built;
}

// Two stacks starting at once (tests and a benchmark, say) would both run `next build` in the same
// directory, and Next refuses the second. The later one waits for the lock and then re-checks freshness.
const LOCK = join(repoRoot, '.conduit', 'designer-build.lock');
const STALE_LOCK_MS = 10 * 60_000;

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(repoRoot, '.conduit'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export async function ensureDesignerBuild(designerDir: string): Promise<void> {
  if (designerBuildIsFresh(designerDir)) return;
  await withBuildLock(() => build(designerDir));
}

async function build(designerDir: string): Promise<void> {
  if (designerBuildIsFresh(designerDir)) return;
  console.log('[conduit] building the designer (first start or changed sources; about a minute)…');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(join(designerDir, 'node_modules', '.bin', 'next'), ['build'], {
      cwd: designerDir,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error('the designer build failed; see the Next.js output above.');
}
