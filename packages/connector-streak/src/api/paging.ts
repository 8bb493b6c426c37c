// Page loops for Streak's list styles. Every loop has a page cap and stops when the run is cancelled.
import { PermanentError } from '@conduit/connector-kit';

export const DEFAULT_MAX_PAGES = 50;

/**
 * Walks 0-based pages until `fetch` says there are no more, yielding each page's items.
 * Throws when `maxPages` is reached with more to come, so no caller mistakes a capped scan for a full one.
 */
export async function* pages<T>(opts: {
  fetch: (page: number) => Promise<{ items: T[]; more: boolean }>;
  maxPages?: number;
  signal: AbortSignal;
  heartbeat: (details: { page: number }) => void;
  what: string;
}): AsyncGenerator<T[]> {
  const max = opts.maxPages ?? DEFAULT_MAX_PAGES;
  for (let page = 0; ; page++) {
    opts.signal.throwIfAborted();
    if (page >= max) {
      throw new PermanentError('validation', { connector: 'Streak', message: `Streak: ${opts.what} has more than ${max} pages; narrow the search (e.g. by stage)` });
    }
    const { items, more } = await opts.fetch(page);
    opts.heartbeat({ page });
    yield items;
    if (!more || items.length === 0) return;
  }
}

/** Walks an opaque-cursor list (v2 contacts/organizations) until no cursor or an empty page, with a page cap. */
export async function* cursorPages<T>(opts: {
  fetch: (cursor: string | undefined) => Promise<{ results: T[]; cursor?: string | null }>;
  maxPages?: number;
  signal: AbortSignal;
  heartbeat: (details: { page: number }) => void;
  what: string;
}): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  yield* pages({
    ...opts,
    fetch: async () => {
      const res = await opts.fetch(cursor);
      cursor = res.cursor ?? undefined;
      // "A full last page may be followed by an empty page": an empty page or no cursor ends the walk.
      return { items: res.results, more: cursor !== undefined };
    },
  });
}
