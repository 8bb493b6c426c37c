// Debounced, atomic JSON snapshots: many updates per second cost one write per interval, and a
// crash mid-write leaves the previous snapshot intact (write to a temp file, then rename).
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { emptyState, type State } from './types';

const DEBOUNCE_MS = 250;

export interface Persister {
  schedule(): void;
  flush(): void;
  /** Drop a pending write without writing. */
  cancel(): void;
}

/** The saved state, or null when there is none yet. A file we cannot read is an error, never silently replaced. */
export function loadSnapshot(file: string): State | null {
  if (!existsSync(file)) return null;
  let parsed: State;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as State;
  } catch (cause) {
    throw new Error(`the data file ${file} is not valid JSON; delete it to start from the demo seed`, {
      cause,
    });
  }
  if (parsed?.version !== 1)
    throw new Error(
      `the data file ${file} is not a streak-sandbox snapshot; delete it to start from the demo seed`,
    );
  // Collections added later start empty when an older snapshot is loaded.
  return { ...emptyState(), ...parsed };
}

export function createPersister(file: string | null, getState: () => State): Persister {
  let timer: NodeJS.Timeout | null = null;
  const write = (): void => {
    timer = null;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(getState()));
    renameSync(tmp, file);
  };
  return {
    schedule() {
      if (file && !timer) timer = setTimeout(write, DEBOUNCE_MS);
    },
    flush() {
      if (timer) clearTimeout(timer);
      write();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
