// Poll trigger over the gateway's change feed. The cursor is the gateway's own (high-water mark, overlap
// window and the fingerprints already delivered inside it), so re-reads of the overlap are de-duplicated
// there; an event key is table + primary key + audit stamp, the same for the same change on every poll.
import { z } from 'zod';
import { callGateway, enc } from '../api/gateway';
import { gatewayHealth } from '../api/health';
import { defineTrigger } from '../auth';

/** Pages per poll; the rest waits for the next poll (the cursor already points there). */
const MAX_PAGES = 20;

const changeOutput = z.object({
  table: z.string(),
  key: z.record(z.string(), z.union([z.string(), z.number()])).meta({ description: 'Primary key columns of the row' }),
  keyText: z.string().meta({ description: 'Key values joined with |, e.g. 01|ABF' }),
  stamp: z.string().meta({ description: 'DateUpdated + TimeUpdated, Sage server local time' }),
  record: z.looseObject({}).meta({ description: 'The row as it is now, Sage columns in camelCase' }),
});
type Change = z.input<typeof changeOutput>;

interface FeedPage {
  /** The table's name as Sage spells it. */
  table: string;
  items: Omit<Change, 'table'>[];
  hasMore: boolean;
  nextCursor: string;
}

// A type alias so it is assignable to the kit's Json. The gateway's cursor does not name its table, so ours does.
type Cursor = { table: string; feed: string };

export const recordChanged = defineTrigger({
  key: 'recordChanged',
  title: 'Record created or changed',
  description:
    'Rows of a Sage 100 table (customers, sales orders, invoices …) created or changed since the last poll, by their DateUpdated/TimeUpdated stamps. Deletes and stamp-less bulk updates are not seen.',
  config: z.object({
    table: z.string().trim().min(1).meta({ title: 'Table', description: 'A table with audit stamps, e.g. AR_Customer, SO_SalesOrderHeader' }),
    startAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], Sage server time')
      .optional()
      .meta({ title: 'Start at', description: 'First poll reports changes from here (Sage server time); default: from the first poll on' }),
    overlapSeconds: z.number().int().min(0).max(86_400).default(900).meta({ title: 'Overlap (s)', description: 'Window re-read on every poll to catch late commits and clock skew' }),
    pageSize: z.number().int().min(1).max(1000).default(500).meta({ title: 'Rows per request' }),
  }),
  output: changeOutput,
  ui: { fields: { table: { label: 'Table', picker: { source: 'tables' } }, startAt: { advanced: true }, overlapSeconds: { advanced: true }, pageSize: { advanced: true } } },
  poll: {
    run: async (ctx) => {
      const { table, overlapSeconds, pageSize } = ctx.config;
      const stored = ctx.cursor as Cursor | null;
      // A cursor from another table (the trigger was re-pointed) would skip or repeat rows: start afresh.
      const prev = stored?.table === table ? stored : null;
      const start = prev ? undefined : (ctx.config.startAt ?? (await gatewayHealth(ctx.http)).serverTime);
      const events: { eventKey: string; payload: Change }[] = [];
      let feed = prev?.feed;
      for (let pages = 0; pages < MAX_PAGES; pages++) {
        ctx.signal.throwIfAborted();
        const body = feed ? { cursor: feed, limit: pageSize } : { since: start, overlapSeconds, limit: pageSize };
        const { data } = await callGateway<FeedPage>(ctx, { method: 'POST', path: `tables/${enc(table)}/changes`, json: body, subject: { type: 'table', key: table }, what: `change feed of ${table}`, idempotent: true });
        // The gateway re-reads the overlap even before the start point; the first poll reports from the start on.
        for (const item of data.items) if (!start || item.stamp >= start) events.push({ eventKey: `${data.table}:${item.keyText}@${item.stamp}`, payload: { table: data.table, ...item } });
        feed = data.nextCursor;
        ctx.heartbeat({ table, feed });
        if (!data.hasMore) break;
      }
      return { events, cursor: { table, feed: feed ?? '' } };
    },
  },
});
