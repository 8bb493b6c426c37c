// Customer 360 end to end: organizations edited through the Streak sandbox's API reach the engine through
// its webhook and ingress, customers edited through the Sage gateway reach it through the change feed; the
// tests read the effects back from both systems, the run history and the link table. The bulk sync runs
// against a sandbox that enforces Streak's 10 requests/s and injects a burst of 429s.
import { changeFeedRequest } from '@conduit/engine/client';
import { sandboxControl } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, finish, type HookReceiver, pendingApproval, decide, startHookReceiver } from './closed-won-lab';
import { customer360BulkSync } from './customer-360-bulk';
import { customer360ContactsSageToStreak, customer360ContactsStreakToSage } from './customer-360-contacts';
import { customer360SageToStreak, customer360StreakToSage } from './customer-360';
import { type DeployedTemplate, Lab } from './test-lab';

type Org = { key: string; name: string; domains: string[]; phoneNumbers: string[] };
type Customer = { customerKey: string; customerName: string; telephoneNo: string; urlAddress: string; emailAddress: string };

let lab: Lab;
let hooks: HookReceiver;
let sageToStreak: DeployedTemplate;
let streakToSage: DeployedTemplate;
let contactsToSage: DeployedTemplate;
let contactsToStreak: DeployedTemplate;
const seen = new Set<string>();

const orgs = async () => (await lab.streak<{ results: Org[] }>('GET', `/v2/teams/${lab.seed.teamKey}/organizations?limit=1000`)).results;
const orgByDomain = async (domain: string) => (await orgs()).find((o) => o.domains.includes(domain));
const customer = (key: string) => lab.sage<Customer>('GET', `/customers/${key}`);
const editOrg = (key: string, body: Record<string, unknown>) => lab.streak<Org>('POST', `/v2/organizations/${key}`, body);

/**
 * One firing of the change-feed schedule, then its runs: finished ones, and dropped echoes as recorded
 * (they never start a workflow, so Lab.poll, which awaits every run, does not fit here).
 */
async function poll(flow: DeployedTemplate) {
  const req = changeFeedRequest({ environment: lab.h.environment, ...flow });
  await lab.h.temporal.client.workflow.execute('changeFeedPoll', { taskQueue: lab.h.taskQueue, workflowId: `poll-${Math.random()}`, args: [req!.request] });
  const runs = (await lab.h.db.run.findMany({ where: { flowId: flow.flowId }, orderBy: { startedAt: 'asc' } })).filter((r) => !seen.has(r.id));
  runs.forEach((r) => seen.add(r.id));
  return Promise.all(runs.map(async (r) => (r.status === 'cancelled' ? { runId: r.id, status: r.status, error: r.error, outputs: {} } : finish(lab, r))));
}

/** The next run of a flow not looked at before, once it exists (webhooks arrive in the background). */
const nextRun = (flowId: string) =>
  eventually(`a run of flow ${flowId}`, async () => {
    const run = (await lab.h.db.run.findMany({ where: { flowId }, orderBy: { startedAt: 'asc' } })).find((r) => !seen.has(r.id));
    if (run) seen.add(run.id);
    return run ?? undefined;
  });

beforeAll(async () => {
  lab = await Lab.start({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  // Streak's pace: the connection sends at most 10 requests/s, as Streak asks.
  const streak = await lab.h.db.connection.findFirstOrThrow({ where: { environmentId: lab.h.environment.id, kind: 'streak' } });
  await lab.h.db.connection.update({ where: { id: streak.id }, data: { config: { ...(streak.config as object), requestsPerSecond: 10 } } });
  sageToStreak = await lab.deploy(customer360SageToStreak);
  streakToSage = await lab.deploy(customer360StreakToSage);
  contactsToSage = await lab.deploy(customer360ContactsStreakToSage);
  contactsToStreak = await lab.deploy(customer360ContactsSageToStreak);
  hooks = await startHookReceiver(lab);
  const env = await lab.h.db.environment.findUniqueOrThrow({ where: { id: lab.h.environment.id } });
  for (const event of ['ORG_UPDATE', 'CONTACT_UPDATE']) {
    await lab.streak('POST', `/v2/webhooks?teamKey=${lab.seed.teamKey}`, { event, targetUrl: `${hooks.url}/api/hooks/streak/dev/${env.webhookEndpointId}?event=${event}`, token: 'hook-secret' });
  }
  // The first polls set the starting points.
  expect(await poll(sageToStreak)).toEqual([]);
  expect(await poll(contactsToStreak)).toEqual([]);
}, 120_000);
afterAll(async () => {
  await hooks?.close();
  await lab?.close();
});

describe('Customer 360, both ways', () => {
  it('a phone changed in Streak (Streak owns phone) updates the matching Sage customer; the name conflict is resolved for Sage and recorded', async () => {
    const org = (await orgByDomain('acmeindustrial.com'))!;
    await editOrg(org.key, { phoneNumbers: ['(216) 555-0100'] });
    const run = await finish(lab, await nextRun(streakToSage.flowId));
    expect(run).toMatchObject({ status: 'succeeded' });
    expect(run.outputs.match).toMatchObject({ exact: true, customerKey: '01-ACMEIND', name: { owner: 'sage', streak: 'Acme Industrial Supply', sage: 'ACME INDUSTRIAL SUPPLY INC', conflict: true }, phone: { owner: 'streak', conflict: true } });
    expect(await customer('01-ACMEIND')).toMatchObject({ telephoneNo: '(216) 555-0100', customerName: 'ACME INDUSTRIAL SUPPLY INC' });
    expect(await lab.history(run.runId)).toMatchObject({ steps: { update: 'succeeded', create: 'skipped', review: 'skipped' } });

    // Our write to Sage comes back through the change feed: recorded as dropped, nothing started.
    const [dropped, ...more] = await poll(sageToStreak);
    expect(more).toEqual([]);
    expect(dropped).toMatchObject({ status: 'cancelled', error: expect.stringContaining(`dropped: echo of run ${run.runId}`) });
    expect(await lab.h.db.link.findFirst({ where: { streakKey: org.key } })).toMatchObject({ entity: 'customer', sageKey: '01-ACMEIND' });
  });

  it('a name changed in Sage (Sage owns name) renames the Streak organization but leaves its phone, and its echo does not bounce back', async () => {
    await lab.later();
    await lab.sage('PATCH', '/customers/01-ACMEIND', { customerName: 'ACME INDUSTRIAL SUPPLY CO', telephoneNo: '(216) 555-0142' });
    const [run, ...more] = await poll(sageToStreak);
    expect(more).toEqual([]);
    expect(run).toMatchObject({ status: 'succeeded', outputs: { plan: { domain: 'acmeindustrial.com', skipped: 'Streak owns: phone' } } });
    expect(await orgByDomain('acmeindustrial.com')).toMatchObject({ name: 'ACME INDUSTRIAL SUPPLY CO', phoneNumbers: ['(216) 555-0100'] });
    const echo = await nextRun(streakToSage.flowId);
    expect(echo).toMatchObject({ status: 'cancelled', error: expect.stringContaining(`dropped: echo of run ${run!.runId}`) });
  });

  it('an organization that only looks like existing customers waits for a person with the candidates, then is created once', async () => {
    const created = await lab.streak<Org>('POST', `/v2/teams/${lab.seed.teamKey}/organizations`, { name: 'Summit Supply Partners', domains: ['summitsupply.example'] });
    await editOrg(created.key, { phoneNumbers: ['(303) 555-0111'] });
    const run = await nextRun(streakToSage.flowId);
    const approval = await pendingApproval(lab, run.id);
    expect(approval.reason).toMatch(/^Streak organization "Summit Supply Partners" may already be a Sage customer \(.*Summit Ridge.*\)\. Approve to create a new customer/);
    expect((await lab.sage<{ items: Customer[] }>('GET', '/customers?q=SUMMITSUPPLY')).items).toEqual([]);
    await decide(lab, approval.id, true, 'a different company');
    expect((await finish(lab, run)).status).toBe('succeeded');
    expect(await customer('01-SUMMITSUPPLYPARTNERS')).toMatchObject({ customerName: 'Summit Supply Partners', telephoneNo: '(303) 555-0111' });
  });

  it('an organization with no look-alike becomes a new Sage customer straight away', async () => {
    const created = await lab.streak<Org>('POST', `/v2/teams/${lab.seed.teamKey}/organizations`, { name: 'Zephyr Widgets', domains: ['zephyrwidgets.example'] });
    await editOrg(created.key, { phoneNumbers: ['(555) 010-2020'] });
    const run = await finish(lab, await nextRun(streakToSage.flowId));
    expect(run.status).toBe('succeeded');
    expect(await customer('01-ZEPHYRWIDGETS')).toMatchObject({ customerName: 'Zephyr Widgets', urlAddress: 'zephyrwidgets.example' });
    expect(await lab.h.db.link.findFirst({ where: { streakKey: created.key } })).toMatchObject({ sageKey: '01-ZEPHYRWIDGETS', lastWrittenSide: 'sage100' });
  });
});

describe('Customer 360 for contacts', () => {
  type Contact = { contactCode: string; contactName: string; contactTitle: string; emailAddress: string; telephoneNo1: string };
  it('a Streak contact of a matched organization becomes a Sage contact of that customer; its echo is dropped', async () => {
    const org = (await orgByDomain('acmeindustrial.com'))!;
    const person = await lab.streak<{ key: string }>('POST', `/v2/teams/${lab.seed.teamKey}/contacts`, { givenName: 'Jane', familyName: 'Doe', emailAddresses: ['jane.doe@acmeindustrial.com'] });
    await lab.streak('POST', `/v2/contacts/${person.key}`, { title: 'Buyer', phoneNumbers: ['(216) 555-0177'], orgLinks: [{ key: org.key }] });
    const run = await finish(lab, await nextRun(contactsToSage.flowId));
    expect(run.status).toBe('succeeded');
    expect(await lab.history(run.runId)).toMatchObject({ steps: { create: 'succeeded', update: 'skipped' } });
    const contacts = (await lab.sage<{ items: Contact[] }>('GET', '/customers/01-ACMEIND/contacts')).items;
    expect(contacts.find((c) => c.contactCode === 'JANEDOE')).toMatchObject({ contactName: 'Jane Doe', contactTitle: 'Buyer', emailAddress: 'jane.doe@acmeindustrial.com', telephoneNo1: '(216) 555-0177' });
    expect(await lab.h.db.link.findFirst({ where: { entity: 'contact', streakKey: person.key } })).toMatchObject({ sageKey: '01-ACMEIND:JANEDOE' });

    const [echo, ...more] = await poll(contactsToStreak);
    expect(more).toEqual([]);
    expect(echo).toMatchObject({ status: 'cancelled', error: expect.stringContaining(`dropped: echo of run ${run.runId}`) });
  });

  it('a contact changed in Sage reaches Streak with the fields Sage owns (phone owned by Streak stays)', async () => {
    await lab.later();
    await lab.sage('PATCH', '/customers/01-ACMEIND/contacts/JANEDOE', { telephoneNo1: '(216) 555-0000', contactTitle: 'Head buyer' });
    const [run, ...more] = await poll(contactsToStreak);
    expect(more).toEqual([]);
    expect(run).toMatchObject({ status: 'succeeded', outputs: { contact: { emailAddresses: ['jane.doe@acmeindustrial.com'], phoneNumbers: ['(216) 555-0177'] } } });
  });
});

describe('Customer 360 bulk sync', () => {
  it('syncs every active Sage customer at Streak’s 10 requests/s, waits out 429s, and reports progress', async () => {
    const control = sandboxControl(lab.h.sandbox.url);
    await control.setFaults({ rateLimitPerSecond: 10, burst429: { count: 3, retryAfterSeconds: 1 } });
    const active = (await lab.sage<{ items: Customer[] }>('GET', '/customers?status=A&limit=1000')).items;
    const flow = await lab.deploy(customer360BulkSync);
    // The environment names its Streak team (C360_STREAK_TEAM), so no write has to look it up.
    lab.h.environment.variables.C360_STREAK_TEAM = lab.seed.teamKey;
    const started = Date.now();
    const { runId, workflowId } = await lab.h.start(flow, { kind: 'manual', eventKey: 'bulk-1', payload: {} });
    const handle = lab.h.temporal.client.workflow.getHandle(workflowId);
    const outcome = await handle.result();
    const seconds = (Date.now() - started) / 1000;
    await control.clearFaults();

    expect(outcome).toMatchObject({ status: 'succeeded', outputs: { summary: { customers: active.length } } });
    // The progress query (what the run page shows) counts the loop's items.
    const progress = await handle.query<{ loops?: Array<{ nodeId: string; done: number; total: number }> }>('progress');
    expect(progress.loops).toEqual([expect.objectContaining({ nodeId: 'each', done: active.length, total: active.length })]);
    const synced = await lab.h.db.link.count({ where: { entity: 'customer' } });
    const withDomain = active.filter((c) => c.urlAddress || c.emailAddress.includes('@')).length;
    expect(synced).toBeGreaterThanOrEqual(withDomain);
    expect((await lab.history(runId)).status).toBe('succeeded');
    // The bulk's own upserts come back as ORG_UPDATE webhooks: none of them starts flow 3's other direction.
    const started3 = await lab.h.db.run.count({ where: { flowId: streakToSage.flowId, status: { not: 'cancelled' }, startedAt: { gt: new Date(started) } } });
    expect(started3).toBe(0);
    console.log(`customer 360 bulk sync: ${active.length} Sage customers → Streak in ${seconds.toFixed(1)} s (${(active.length / seconds).toFixed(1)} customers/s) at 10 requests/s with 3 injected 429s`);
  }, 300_000);
});
