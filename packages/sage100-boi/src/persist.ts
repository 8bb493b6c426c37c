// Debounced, atomic JSON snapshots: write to a temp file, then rename over the old one.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

export class JsonSnapshotFile<T> {
  private timer: NodeJS.Timeout | null = null;
  private firstPending = 0;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly produce: () => T,
    private readonly opts: { debounceMs?: number; maxWaitMs?: number } = {},
  ) {}

  read(): T | null {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Coalesces bursts of changes; under continuous load still saves at least every maxWaitMs. */
  schedule(): void {
    const now = Date.now();
    if (!this.timer) this.firstPending = now;
    else clearTimeout(this.timer);
    const wait = Math.min(this.opts.debounceMs ?? 300, Math.max(0, this.firstPending + (this.opts.maxWaitMs ?? 3000) - now));
    this.timer = setTimeout(() => void this.flush(), wait);
    this.timer.unref();
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const text = JSON.stringify(this.produce());
    const tmp = `${this.path}.${process.pid}.tmp`;
    this.writing = this.writing.then(async () => {
      mkdirSync(dirname(this.path), { recursive: true });
      await writeFile(tmp, text);
      await rename(tmp, this.path);
    });
    await this.writing;
  }

  /** Synchronous final write, for exit paths that cannot await. */
  flushSync(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.produce()));
    renameSync(tmp, this.path);
  }
}
