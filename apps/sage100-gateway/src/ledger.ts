// The gateway's idempotency ledger: caller key → first result. A `pending` entry means the outcome is unknown
// (the call died after Sage may have committed); the next attempt reconciles through the UDF external reference.
import { createHash } from 'node:crypto';
import { JsonSnapshotFile } from '@conduit/sage100-boi';

export interface LedgerEntry {
  operation: string;
  requestHash: string;
  status: 'pending' | 'done';
  /** Key of the created record (e.g. sales order number) once known. */
  resultKey?: string;
  at: string;
}

export function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22);
}

export class Ledger {
  private readonly entries = new Map<string, LedgerEntry>();
  private readonly file: JsonSnapshotFile<[string, LedgerEntry][]> | null;

  constructor(path: string | null) {
    this.file = path ? new JsonSnapshotFile(path, () => [...this.entries]) : null;
    for (const [k, v] of this.file?.read() ?? []) this.entries.set(k, v);
  }

  get(key: string): LedgerEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: LedgerEntry): void {
    this.entries.set(key, entry);
    this.file?.schedule();
  }

  delete(key: string): void {
    if (this.entries.delete(key)) this.file?.schedule();
  }

  async flush(): Promise<void> {
    await this.file?.flush();
  }

  flushSync(): void {
    this.file?.flushSync();
  }
}
