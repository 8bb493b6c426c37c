// Replays recorded histories of real runs against today's workflow code. A change to the interpreter
// that would break runs already in flight fails here; guard such a change with patched(). The bundle is the
// production one (preloaded shared modules included), so sharing them across runs is replayed too.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { quietTemporal } from '../test/harness';
import { productionBundle } from '../worker';

quietTemporal();

const dir = fileURLToPath(new URL('./histories/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('recorded histories replay deterministically', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });
  for (const file of files) {
    it(file, async () => {
      const history = historyFromJSON(JSON.parse(readFileSync(`${dir}${file}`, 'utf8')));
      await expect(Worker.runReplayHistory({ workflowBundle: await productionBundle(), replayName: file }, history)).resolves.toBeUndefined();
    }, 60_000);
  }
});
