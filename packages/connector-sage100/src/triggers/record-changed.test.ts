// The change-feed trigger polled against a real gateway: the first poll starts "now", later polls report
// each change once (the overlap window is re-read and de-duplicated), event keys are stable per change,
// a backlog is paged through, and the documented blind spots (stamp-less bulk updates) stay blind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json, PermanentError, TriggerEvent } from '@conduit/connector-kit';
import { type SageTarget, fixtureCustomer, sageTarget } from '../test/target';

type Change = { table: string; key: Record<string, string>; keyText: string; stamp: string; record: Record<string, unknown> };

describe('Sage 100 recordChanged trigger', () => {
  let t: SageTarget;
  const poll = async (config: Record<string, unknown>, cursor: Json | null) => (await t.conn.poll('recordChanged', config, cursor)) as { events: TriggerEvent<Change>[]; cursor: Json };
  const later = (seconds = 60) => t.control.setClock({ advanceSeconds: seconds });

  beforeAll(async () => {
    t = await sageTarget();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('starts at the first poll, then reports every create and update once with a stable key', async () => {
    const config = { table: 'AR_Customer' };
    const first = await poll(config, null);
    expect(first.events).toEqual([]);

    await later();
    const customerKey = await fixtureCustomer(t, { city: 'Boise' });
    const keyText = customerKey.replace('-', '|');
    const created = await poll(config, first.cursor);
    expect(created.events).toHaveLength(1);
    const [event] = created.events;
    expect(event?.payload).toMatchObject({ table: 'AR_Customer', key: { ARDivisionNo: '01', CustomerNo: customerKey.slice(3) }, keyText, record: { city: 'Boise' } });
    expect(event?.eventKey).toBe(`AR_Customer:${keyText}@${event?.payload.stamp}`);

    // Nothing new: the overlap is re-read, but what was delivered is not delivered again.
    const quiet = await poll(config, created.cursor);
    expect(quiet.events).toEqual([]);

    await later();
    await t.api('PATCH', `customers/${customerKey}`, { city: 'Nampa' });
    const updated = await poll(config, quiet.cursor);
    expect(updated.events.map((e) => e.payload.record.city)).toEqual(['Nampa']);
    expect(updated.events[0]?.eventKey).not.toBe(event?.eventKey);
    expect(updated.events[0]?.eventKey.startsWith(`AR_Customer:${keyText}@`)).toBe(true);

    // Polling from an older cursor again (a retried activity) yields the same keys, so the engine dedupes.
    const replay = await poll(config, quiet.cursor);
    expect(replay.events.map((e) => e.eventKey)).toEqual(updated.events.map((e) => e.eventKey));
  });

  it('reports two writes to one row within the same second as two changes', async () => {
    const config = { table: 'AR_Customer' };
    const { now } = await t.control.setClock({ advanceSeconds: 60 });
    const customerKey = await fixtureCustomer(t, { city: 'Twin Falls' });
    const seen = await poll(config, (await poll(config, null)).cursor);
    // Both writes in one clock second, 0.3 s apart, each seen by a poll before the next.
    await t.control.setClock({ set: new Date(Math.ceil(Date.parse(now) / 1000) * 1000 + 2000).toISOString() });
    await t.api('PATCH', `customers/${customerKey}`, { city: 'Jerome' });
    const jerome = await poll(config, seen.cursor);
    await t.control.setClock({ advanceSeconds: 0.3 });
    await t.api('PATCH', `customers/${customerKey}`, { city: 'Burley' });
    const burley = await poll(config, jerome.cursor);
    const events = [...jerome.events, ...burley.events].filter((e) => e.payload.keyText === customerKey.replace('-', '|'));
    expect(events.map((e) => e.payload.record.city)).toEqual(['Jerome', 'Burley']);
    expect(events[1]?.eventKey).not.toBe(events[0]?.eventKey);
  });

  it('reports sales orders as they are written', async () => {
    const config = { table: 'SO_SalesOrderHeader' };
    const start = await poll(config, null);
    await later();
    const customerKey = await fixtureCustomer(t);
    const { items } = await t.api<{ items: { itemCode: string }[] }>('GET', 'items?limit=20&itemType=1');
    const order = await t.api<{ salesOrderNo: string }>('POST', 'sales-orders', { arDivisionNo: '01', customerNo: customerKey.slice(3), lines: [{ itemCode: items[0]?.itemCode, quantityOrdered: 1 }] });
    const next = await poll(config, start.cursor);
    expect(next.events.map((e) => e.payload.key.SalesOrderNo)).toEqual([order.salesOrderNo]);
    expect(next.events[0]?.payload.record).toMatchObject({ salesOrderNo: order.salesOrderNo, customerNo: customerKey.slice(3) });
  });

  it('pages through a backlog from a start date, each row once', async () => {
    const config = { table: 'AR_Customer', startAt: '2000-01-01', pageSize: 7 };
    const { items } = await t.api<{ items: unknown[] }>('GET', 'tables/AR_Customer/rows?limit=1000');
    const beats: Json[] = [];
    const backlog = (await t.conn.poll('recordChanged', config, null, { heartbeat: (d) => beats.push(d ?? null) })) as { events: TriggerEvent<Change>[]; cursor: { feed: string } };
    expect(backlog.events).toHaveLength(items.length);
    // One heartbeat per page, carrying the position reached.
    expect(beats).toHaveLength(Math.floor(items.length / 7) + 1);
    expect(beats.at(-1)).toEqual({ table: 'AR_Customer', feed: backlog.cursor.feed });
    expect(new Set(backlog.events.map((e) => e.eventKey)).size).toBe(items.length);
    const stamps = backlog.events.map((e) => e.payload.stamp);
    expect([...stamps].sort()).toEqual(stamps);
    expect((await poll(config, backlog.cursor)).events).toEqual([]);
    // Re-pointed at another table, the old cursor is not reused: polling starts at "now" there.
    await later();
    const other = await poll({ table: 'SO_SalesOrderHeader' }, backlog.cursor);
    expect(other).toMatchObject({ events: [], cursor: { table: 'SO_SalesOrderHeader' } });
  });

  it('does not see stamp-less bulk updates (reconcile with the keys endpoint instead)', async () => {
    const config = { table: 'AR_Customer' };
    const start = await poll(config, null);
    const customerKey = await fixtureCustomer(t);
    const seen = await poll(config, start.cursor);
    expect(seen.events.map((e) => e.payload.keyText)).toContain(customerKey.replace('-', '|'));
    await later();
    await t.control.bulkUpdate({ table: 'AR_Customer', where: { ARDivisionNo: '01', CustomerNo: customerKey.slice(3) }, set: { Comment: 'VI import' } });
    expect((await poll(config, seen.cursor)).events).toEqual([]);
  });

  it('fails with a typed error naming the table when it cannot be polled', async () => {
    const unknown = await t.conn.poll('recordChanged', { table: 'XX_Nothing' }, null).then(() => expect.unreachable('should fail'), (e: unknown) => e as PermanentError);
    expect(unknown).toMatchObject({ type: 'PermanentError', reason: 'not_found', subject: { type: 'table', key: 'XX_Nothing' } });
    expect(unknown.message).toMatch(/^Sage 100: change feed of XX_Nothing was not found/);
    const badStart = await t.conn.poll('recordChanged', { table: 'AR_Customer', startAt: 'yesterday' }, null).catch((e: unknown) => e as PermanentError);
    expect(badStart).toMatchObject({ reason: 'validation', issues: [{ path: 'startAt' }] });
    const badCursor = await t.conn.poll('recordChanged', { table: 'AR_Customer' }, { table: 'AR_Customer', feed: 'not-a-cursor' }).catch((e: unknown) => e as PermanentError);
    expect(badCursor).toMatchObject({ reason: 'validation', subject: { field: 'cursor' } });
  });
});
