// Scans a pipeline's boxes for a field value: used by "find boxes" and by create-box's look-before-create.
import type { HttpClient } from '@conduit/connector-kit';
import { streakApi } from '../api/streak';
import { pages } from '../api/paging';
import type { WireBox } from '../api/wire';
import { type FieldValue, valuesMatch } from '../model/fields';
import type { Pipeline } from '../model/pipeline';

/** Pages to scan: 200 pages of 100 boxes. A bigger pipeline fails loudly rather than answering from a partial scan. */
const MAX_SCAN_PAGES = 200;

export async function findBoxesByField(opts: {
  http: HttpClient;
  signal: AbortSignal;
  heartbeat: (details: { page: number }) => void;
  pipeline: Pipeline;
  field: string;
  value: FieldValue;
  stageKey?: string;
  limit: number;
  /** Only boxes created at or after this epoch ms (the scan runs newest first, so it stops there). */
  createdSince?: number;
}): Promise<WireBox[]> {
  const wanted = opts.pipeline.fields.encode(opts.field, opts.value);
  const found: WireBox[] = [];
  // Newest first: a retried create finds the box it made moments ago on the first page.
  for await (const boxes of pages({
    what: `pipeline "${opts.pipeline.name}"`,
    maxPages: MAX_SCAN_PAGES,
    signal: opts.signal,
    heartbeat: opts.heartbeat,
    fetch: (page) => streakApi.boxPage(opts.http, opts.pipeline.key, { page, sortBy: 'creationTimestamp', stageKey: opts.stageKey }),
  })) {
    const fresh = boxes.filter((b) => opts.createdSince === undefined || (b.creationTimestamp ?? 0) >= opts.createdSince);
    for (const b of fresh) if (valuesMatch(b.fields?.[wanted.key], wanted.value)) found.push(b);
    if (found.length >= opts.limit || fresh.length < boxes.length) break;
  }
  return found.slice(0, opts.limit);
}
