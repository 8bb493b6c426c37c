import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, PermanentError, receiveWebhook } from '@conduit/connector-kit';
import { streakConnector } from '../index';
import { startReceiver } from '../test/receiver';
import { type ScratchPipeline, type StreakTarget, sandboxTarget, scratchPipeline } from '../test/target';

describe('Streak triggers against the sandbox', () => {
  let t: StreakTarget;
  let p: ScratchPipeline;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    t = await sandboxTarget();
    p = await scratchPipeline(t.conn.http);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });
  const createBox = (name: string) => t.conn.runAction('createBox', { pipelineKey: p.key, name }, { idempotencyKey: name }) as Promise<{ key: string }>;

  it('delivers a stage change to the subscription, verifies the token and yields a deduplicable event', async () => {
    const config = { pipelineKey: p.key, event: 'BOX_CHANGE_STAGE' };
    const token = 'whsec-9f2c';
    const subscription = await t.conn.subscribe('boxEvent', config, { targetUrl: receiver.url, token });
    const box = await createBox('Hooked Inc');
    await t.conn.runAction('updateBox', { boxKey: box.key, stage: 'Won' });
    const [delivery] = await receiver.next();
    if (!delivery) throw new Error('no delivery');
    const events = receiveWebhook(streakConnector, 'boxEvent', { config, delivery, token, subscription });
    expect(events).toEqual([{ eventKey: expect.stringMatching(new RegExp(`^BOX_CHANGE_STAGE:${box.key}:${p.stages.Won}@\\d+$`)), payload: expect.objectContaining({ key: box.key, stageKey: p.stages.Won }) }]);
    expect(() => receiveWebhook(streakConnector, 'boxEvent', { config, delivery, token: 'other', subscription })).toThrow(PermanentError);
    expect(() => receiveWebhook(streakConnector, 'boxEvent', { config, delivery: { headers: {}, body: delivery.body }, token, subscription })).toThrow(/failed verification/);
    await t.conn.unsubscribe('boxEvent', config, subscription);
    await t.conn.runAction('updateBox', { boxKey: box.key, stage: 'Lost' });
    expect((await t.control?.deliveries({ webhookKey: subscription.id }))?.length).toBe(1);
  });

  it('delivers team-scoped contact events', async () => {
    const config = { event: 'CONTACT_CREATE' };
    const subscription = await t.conn.subscribe('contactEvent', config, { targetUrl: receiver.url, token: 'tok-c' });
    const contact = (await t.conn.runAction('upsertContact', { email: `hook.${Date.now()}@example.com`, givenName: 'Hook' })) as { key: string };
    const [delivery] = await receiver.next();
    if (!delivery) throw new Error('no delivery');
    expect(receiveWebhook(streakConnector, 'contactEvent', { config, delivery, token: 'tok-c', subscription })).toEqual([{ eventKey: `CONTACT_CREATE:${contact.key}`, payload: expect.objectContaining({ key: contact.key, givenName: 'Hook' }) }]);
    await t.conn.unsubscribe('contactEvent', config, subscription);
  });

  it('rejects a delivery body that is not Streak’s bare array', () => {
    const config = { pipelineKey: p.key, event: 'BOX_CREATE' };
    const delivery = { headers: { 'x-streak-webhook-token': 't' }, body: { event: 'BOX_CREATE', data: {} } };
    expect(() => receiveWebhook(streakConnector, 'boxEvent', { config, delivery, token: 't', subscription: { id: 'w' } })).toThrow(/not a JSON array/);
  });

  it('polls new boxes as a fallback: history is not replayed, each new box is reported once', async () => {
    const config = { pipelineKey: p.key, event: 'BOX_CREATE' };
    const first = await t.conn.poll('boxEvent', config, null);
    expect(first.events).toEqual([]);
    const a = await createBox('Polled A');
    const b = await createBox('Polled B');
    const second = await t.conn.poll('boxEvent', config, first.cursor);
    expect(second.events.map((e) => e.eventKey)).toEqual([`BOX_CREATE:${a.key}`, `BOX_CREATE:${b.key}`]);
    expect(second.events[0]?.payload).toMatchObject({ name: 'Polled A', stageName: 'Lead' });
    const third = await t.conn.poll('boxEvent', config, second.cursor as Json);
    expect(third.events).toEqual([]);
  });

  it('polls stage changes and refuses events that cannot be polled', async () => {
    const config = { pipelineKey: p.key, event: 'BOX_CHANGE_STAGE' };
    const start = await t.conn.poll('boxEvent', config, null);
    const box = await createBox('Stage Poll');
    await t.conn.runAction('updateBox', { boxKey: box.key, stage: 'Won' });
    const next = await t.conn.poll('boxEvent', config, start.cursor);
    expect(next.events.map((e) => e.payload)).toEqual([expect.objectContaining({ key: box.key, stageName: 'Won' })]);
    await expect(t.conn.poll('boxEvent', { pipelineKey: p.key, event: 'BOX_DELETE' }, null)).rejects.toMatchObject({ reason: 'validation', message: expect.stringContaining('cannot be polled') });
  });

  it('polls contact creations and updates from the team list', async () => {
    const created = { event: 'CONTACT_CREATE' };
    const updated = { event: 'CONTACT_UPDATE' };
    const [c0, u0] = [await t.conn.poll('contactEvent', created, null), await t.conn.poll('contactEvent', updated, null)];
    expect(c0.events).toEqual([]);
    const email = `poll.${Date.now()}@example.com`;
    const contact = (await t.conn.runAction('upsertContact', { email, givenName: 'Polly' })) as { key: string };
    const c1 = await t.conn.poll('contactEvent', created, c0.cursor);
    expect(c1.events).toEqual([{ eventKey: `CONTACT_CREATE:${contact.key}`, payload: expect.objectContaining({ key: contact.key, emailAddresses: [email] }) }]);
    expect((await t.conn.poll('contactEvent', created, c1.cursor)).events).toEqual([]);
    await t.conn.runAction('upsertContact', { email, title: 'Buyer' });
    const u1 = await t.conn.poll('contactEvent', updated, u0.cursor);
    expect(u1.events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ key: contact.key, title: 'Buyer' }));
  });

  it('polls new organizations by reading the team list', async () => {
    const config = { event: 'ORG_CREATE' };
    const start = await t.conn.poll('organizationEvent', config, null);
    expect(start.events).toEqual([]);
    const org = (await t.conn.runAction('upsertOrganization', { domain: `poll-${Date.now()}.example.com`, name: 'Polled Org' })) as { key: string };
    const next = await t.conn.poll('organizationEvent', config, start.cursor);
    expect(next.events).toEqual([{ eventKey: `ORG_CREATE:${org.key}`, payload: expect.objectContaining({ key: org.key, name: 'Polled Org' }) }]);
    await expect(t.conn.poll('organizationEvent', { event: 'ORG_DELETE' }, null)).rejects.toMatchObject({ reason: 'validation' });
  });

  it('delivers comment, task, meeting and organization events, each parsed by its trigger', async () => {
    const box = await createBox('Busy Box');
    const cases: Array<{ trigger: string; config: Record<string, string>; act: () => Promise<unknown>; payload: Record<string, unknown> }> = [
      { trigger: 'commentEvent', config: { pipelineKey: p.key, event: 'COMMENT_CREATE' }, act: () => t.conn.runAction('addComment', { boxKey: box.key, message: 'hello' }), payload: { boxKey: box.key, message: 'hello' } },
      { trigger: 'taskEvent', config: { pipelineKey: p.key, event: 'TASK_CREATE' }, act: () => t.conn.runAction('createTask', { boxKey: box.key, text: 'follow up' }), payload: { boxKey: box.key, text: 'follow up' } },
      { trigger: 'meetingEvent', config: { pipelineKey: p.key, event: 'MEETING_CREATE' }, act: () => t.conn.runAction('logMeeting', { boxKey: box.key, start: '2026-01-02T10:00:00Z', notes: 'call' }), payload: { boxKey: box.key, meetingType: 'CALL_LOG', notes: 'call' } },
      { trigger: 'organizationEvent', config: { event: 'ORG_CREATE' }, act: () => t.conn.runAction('upsertOrganization', { domain: `hook-${Date.now()}.example.com`, name: 'Hooked Org' }), payload: { name: 'Hooked Org' } },
    ];
    for (const c of cases) {
      const token = `tok-${c.trigger}`;
      const subscription = await t.conn.subscribe(c.trigger, c.config, { targetUrl: receiver.url, token });
      const made = (await c.act()) as { key: string };
      const [delivery] = await receiver.next();
      if (!delivery) throw new Error(`no delivery for ${c.trigger}`);
      const events = receiveWebhook(streakConnector, c.trigger, { config: c.config, delivery, token, subscription });
      expect(events).toEqual([{ eventKey: expect.stringContaining(`${c.config.event}:${made.key}`), payload: expect.objectContaining({ key: made.key, ...c.payload }) }]);
      await t.conn.unsubscribe(c.trigger, c.config, subscription);
    }
  });
});
