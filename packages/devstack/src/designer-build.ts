// Builds the designer for production once, and again only when its sources (or a package it uses) changed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

export async function ensureDesignerBuild(designerDir: string): Promise<void> {
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
