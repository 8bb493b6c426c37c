// The integration suite every Streak target must pass: each action, auth and trigger subscription
// against a live API (the sandbox, or real Streak when STREAK_API_KEY is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PermanentError, testConnection } from '@conduit/connector-kit';
import { streakConnector } from '../index';
import { type ScratchPipeline, type StreakTarget, scratchPipeline } from './target';

type Out = Record<string, unknown> & { key: string };

/** `start` undefined = the target is not configured; the suite is reported as skipped, never as passed. */
export function actionSuite(name: string, start: (() => Promise<StreakTarget>) | undefined): void {
  describe.skipIf(start === undefined)(name, () => {
    let t: StreakTarget;
    let p: ScratchPipeline;
    let me: { email: string };
    const made = { contacts: [] as string[], orgs: [] as string[] };
    const run = (action: string, input: unknown, idempotencyKey?: string) => t.conn.runAction(action, input, { idempotencyKey }) as Promise<Out>;
    const fails = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as PermanentError);

    beforeAll(async () => {
      if (!start) return;
      t = await start();
      p = await scratchPipeline(t.conn.http);
      me = await t.conn.http.json<{ email: string }>({ path: '/v1/users/me' });
    });
    afterAll(async () => {
      if (!t) return;
      await p?.cleanup();
      for (const k of made.contacts) await t.conn.http.request({ method: 'DELETE', path: `/v2/contacts/${k}` });
      for (const k of made.orgs) await t.conn.http.request({ method: 'DELETE', path: `/v2/organizations/${k}` });
      await t.close();
    });

    it('tests auth: the account for a good key, invalid_credentials for a bad one', async () => {
      expect(await t.conn.testAuth()).toMatchObject({ ok: true, account: { name: expect.stringContaining(me.email) } });
      expect(await testConnection(streakConnector, { ...t.auth, apiKey: 'strk_wrong_key_0000000000' })).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    });

    it('creates a box with stage and field labels, storing option keys, epoch ms and booleans', async () => {
      const box = await run('createBox', {
        pipelineKey: p.key, name: 'Acme order', stage: 'won', notes: 'first', assignees: [me.email],
        fields: { 'Deal value': '1200.50', Currency: 'CAD', Segment: ['Retail'], 'Expected close': '2026-03-01T00:00:00Z', 'Rush order': true },
      }, 'idem-1');
      expect(box).toMatchObject({
        created: true, name: 'Acme order', stageKey: p.stages.Won, stageName: 'Won', notes: 'first',
        fields: { [p.fields['Deal value']!]: '1200.50', [p.fields.Currency!]: p.options.Currency!.CAD, [p.fields.Segment!]: [p.options.Segment!.Retail], [p.fields['Expected close']!]: Date.UTC(2026, 2, 1), [p.fields['Rush order']!]: true },
        fieldLabels: { [p.fields.Currency!]: 'CAD', [p.fields.Segment!]: ['Retail'] },
      });
      expect(box.assignees).toEqual([expect.objectContaining({ email: me.email })]);
      const stored = await t.conn.http.json<{ fields: Record<string, unknown>; stageKey: string }>({ path: `/v1/boxes/${box.key}` });
      expect(stored.fields[p.fields.Currency!]).toBe(p.options.Currency!.CAD);
    });

    it('makes a retried create return the first box when an external reference is set', async () => {
      const input = { pipelineKey: p.key, name: 'Retry Co', externalRef: { field: 'External ref' } };
      const first = await run('createBox', input, 'flow1:evt9:node3');
      const again = await run('createBox', input, 'flow1:evt9:node3');
      expect(again).toMatchObject({ key: first.key, created: false });
      const other = await run('createBox', { ...input, externalRef: { field: 'External ref', value: 'SAGE-01-ABF' } }, 'x');
      expect(other.key).not.toBe(first.key);
      const found = (await run('findBoxes', { pipelineKey: p.key, field: 'External ref', value: 'flow1:evt9:node3' })) as unknown as { boxes: Out[] };
      expect(found.boxes.map((b) => b.key)).toEqual([first.key]);
    });

    it('names the object in typed errors: unknown pipeline, field, stage, option, wrong type, and writes nothing', async () => {
      const base = { pipelineKey: p.key, name: 'Should not exist' };
      const unknownPipeline = await fails(run('createBox', { ...base, pipelineKey: 'agxzfm1haWxmb29nYWVyNoSuchPipeline' }, 'k'));
      expect(unknownPipeline).toMatchObject({ type: 'PermanentError', reason: 'not_found', subject: { type: 'pipeline', key: 'agxzfm1haWxmb29nYWVyNoSuchPipeline' } });
      const unknownField = await fails(run('createBox', { ...base, fields: { '9999': 'x' } }, 'k'));
      expect(unknownField).toMatchObject({ reason: 'not_found', subject: { type: 'pipeline', key: p.key, field: '9999' } });
      expect(unknownField.message).toContain(`pipeline "${p.name}"`);
      const wrongType = await fails(run('createBox', { ...base, fields: { 'Expected close': 'next tuesday-ish' } }, 'k'));
      expect(wrongType).toMatchObject({ reason: 'validation', subject: { field: 'Expected close' } });
      expect(wrongType.message).toMatch(/"Expected close" \(\d+\) is DATE: expected a date/);
      expect(await fails(run('createBox', { ...base, fields: { 'Rush order': 'maybe' } }, 'k'))).toMatchObject({ reason: 'validation', subject: { field: 'Rush order' } });
      expect(await fails(run('createBox', { ...base, fields: { Currency: 'GBP' } }, 'k'))).toMatchObject({ reason: 'validation', message: expect.stringContaining('no option "GBP"') });
      expect(await fails(run('createBox', { ...base, stage: 'Shipped' }, 'k'))).toMatchObject({ reason: 'not_found', subject: { field: 'stage' } });
      expect(await fails(run('createBox', { pipelineKey: p.key }, 'k'))).toMatchObject({ reason: 'validation', issues: [{ path: 'name' }] });
      const none = (await run('findBoxes', { pipelineKey: p.key, name: 'Should not exist' })) as unknown as { count: number };
      expect(none.count).toBe(0);
    });

    it('reads a box by key, finds it by name and by a dropdown label, and reports a missing box', async () => {
      const box = await run('createBox', { pipelineKey: p.key, name: 'Findable Ltd', fields: { Currency: 'USD' } }, 'k-find');
      expect(await run('getBox', { boxKey: box.key })).toMatchObject({ key: box.key, name: 'Findable Ltd', stageName: 'Lead' });
      const byName = (await run('findBoxes', { pipelineKey: p.key, name: 'Findable Ltd' })) as unknown as { boxes: Out[] };
      expect(byName.boxes.map((b) => b.key)).toEqual([box.key]);
      expect((await run('findBoxes', { pipelineKey: p.key, name: 'Findable Ltd', stage: 'Won' })) as unknown).toMatchObject({ count: 0 });
      const byField = (await run('findBoxes', { pipelineKey: p.key, field: 'Currency', value: 'usd' })) as unknown as { boxes: Out[] };
      expect(byField.boxes.map((b) => b.key)).toContain(box.key);
      expect(await fails(run('getBox', { boxKey: 'agxzfm1haWxmb29nYWVyNoSuchBox' }))).toMatchObject({ reason: 'not_found', subject: { type: 'box', key: 'agxzfm1haWxmb29nYWVyNoSuchBox' } });
    });

    it('updates stage, notes, assignees and fields, and sets one field by label', async () => {
      const box = await run('createBox', { pipelineKey: p.key, name: 'Mover Inc', notes: 'line 1' }, 'k-move');
      const moved = await run('updateBox', { boxKey: box.key, stage: 'Lost', appendNotes: 'line 2', assignees: [me.email], fields: { Segment: ['Wholesale', 'Retail'] } });
      expect(moved).toMatchObject({ stageName: 'Lost', notes: 'line 1\nline 2', fieldLabels: { [p.fields.Segment!]: ['Wholesale', 'Retail'] } });
      expect(moved.lastStageChangeTimestamp).toEqual(expect.any(Number));
      const again = await run('updateBox', { boxKey: box.key, appendNotes: 'line 2' });
      expect(again.notes).toBe('line 1\nline 2');
      const set = await run('setFieldValue', { boxKey: box.key, field: 'Currency', value: 'CAD' });
      expect(set).toMatchObject({ fieldKey: p.fields.Currency, fieldName: 'Currency', value: p.options.Currency!.CAD, label: 'CAD' });
      expect(await fails(run('setFieldValue', { boxKey: box.key, field: 'Deal value', value: true }))).toMatchObject({ reason: 'validation', subject: { type: 'pipeline', field: 'Deal value' } });
      expect(await fails(run('updateBox', { boxKey: box.key, fields: { Nope: 1 } }))).toMatchObject({ reason: 'not_found', subject: { field: 'Nope' } });
    });

    it('gets-or-creates contacts by e-mail and organizations by domain, and links them to a box once', async () => {
      const email = `conduit.test.${Date.now()}@example.com`;
      const c1 = await run('upsertContact', { email, givenName: 'Ada' });
      made.contacts.push(c1.key);
      const c2 = await run('upsertContact', { email, title: 'Buyer' });
      expect(c2).toMatchObject({ key: c1.key, givenName: 'Ada', title: 'Buyer', emailAddresses: [email] });
      const domain = `conduit-test-${Date.now()}.example.com`;
      const o1 = await run('upsertOrganization', { domain, name: 'Conduit Test Org' });
      made.orgs.push(o1.key);
      expect(await run('upsertOrganization', { domain, industry: 'Testing' })).toMatchObject({ key: o1.key, name: 'Conduit Test Org', industry: 'Testing' });
      const box = await run('createBox', { pipelineKey: p.key, name: 'Linked LLC' }, 'k-link');
      const linked = await run('linkToBox', { boxKey: box.key, contactKeys: [c1.key], organizationKeys: [o1.key] });
      expect(linked).toMatchObject({ contactKeys: [c1.key], organizationKeys: [o1.key] });
      expect(await run('linkToBox', { boxKey: box.key, contactKeys: [c1.key] })).toMatchObject({ contactKeys: [c1.key] });
      expect(await fails(run('upsertContact', { email: 'not-an-email' }))).toMatchObject({ reason: 'validation', issues: [{ path: 'email' }] });
    });

    it('adds a comment, a task with a due date and assignee, and a call log', async () => {
      const box = await run('createBox', { pipelineKey: p.key, name: 'Activity Corp' }, 'k-act');
      expect(await run('addComment', { boxKey: box.key, message: 'Order 0001234 entered in Sage' })).toMatchObject({ boxKey: box.key, message: 'Order 0001234 entered in Sage' });
      const task = await run('createTask', { boxKey: box.key, text: 'Call about credit hold', dueDate: '2026-12-01T15:00:00Z', assignees: [me.email] });
      expect(task).toMatchObject({ boxKey: box.key, text: 'Call about credit hold', dueDate: Date.UTC(2026, 11, 1, 15), assignees: [expect.objectContaining({ email: me.email })] });
      const call = await run('logMeeting', { boxKey: box.key, meetingType: 'CALL_LOG', start: Date.UTC(2026, 0, 2, 9), durationMinutes: 15, notes: 'Discussed terms' });
      expect(call).toMatchObject({ meetingType: 'CALL_LOG', startTimestamp: Date.UTC(2026, 0, 2, 9), duration: 900_000, notes: 'Discussed terms' });
      expect(await fails(run('addComment', { boxKey: 'agxzfm1haWxmb29nYWVyNoSuchBox', message: 'x' }))).toMatchObject({ reason: 'not_found', subject: { type: 'box' } });
    });

    it('describes the pipeline’s real fields for the mapping editor and loads pickers', async () => {
      const schema = await t.conn.discover({ pipelineKey: p.key });
      const entity = schema.entities[0];
      expect(entity).toMatchObject({ key: `box:${p.key}`, kind: 'box' });
      expect(entity?.fields.find((f) => f.label === 'Currency')).toMatchObject({ type: 'enum', path: `fields.${p.fields.Currency}`, options: [{ key: p.options.Currency!.USD, label: 'USD' }, { key: p.options.Currency!.CAD, label: 'CAD' }] });
      expect(entity?.fields.find((f) => f.key === 'stageKey')?.options?.map((o) => o.label)).toEqual(['Lead', 'Won', 'Lost']);
      const all = await t.conn.discover();
      expect(all.entities.map((e) => e.kind)).toEqual(expect.arrayContaining(['box', 'contact', 'organization']));
      expect(await t.conn.loadPicker('stages', { pipelineKey: p.key })).toEqual([{ value: p.stages.Lead, label: 'Lead' }, { value: p.stages.Won, label: 'Won' }, { value: p.stages.Lost, label: 'Lost' }]);
      expect((await t.conn.loadPicker('pipelines')).map((o) => o.value)).toContain(p.key);
    });

    it('registers and unregisters webhook subscriptions, tolerating an already-deleted one', async () => {
      const target = { targetUrl: 'https://hooks.example.com/conduit-test', token: 'tok-123' };
      const sub = await t.conn.subscribe('boxEvent', { pipelineKey: p.key, event: 'BOX_CHANGE_STAGE' }, target);
      expect(sub.id).toEqual(expect.any(String));
      const team = await t.conn.subscribe('contactEvent', { event: 'CONTACT_CREATE' }, target);
      expect(team.state).toMatchObject({ event: 'CONTACT_CREATE', teamKey: p.teamKey });
      for (const [key, s] of [['boxEvent', sub], ['contactEvent', team]] as const) {
        await t.conn.unsubscribe(key, key === 'boxEvent' ? { pipelineKey: p.key, event: 'BOX_CHANGE_STAGE' } : { event: 'CONTACT_CREATE' }, s);
        await t.conn.unsubscribe(key, key === 'boxEvent' ? { pipelineKey: p.key, event: 'BOX_CHANGE_STAGE' } : { event: 'CONTACT_CREATE' }, s);
      }
      expect(await fails(t.conn.subscribe('boxEvent', { pipelineKey: 'agxzfm1haWxmb29nYWVyNoSuchPipeline', event: 'BOX_CREATE' }, target))).toMatchObject({ reason: 'not_found', subject: { type: 'pipeline' } });
    });
  });
}
