// Two-way sync without loops, against the real sandbox (webhooks delivered over HTTP to the ingress) and
// the real gateway (change feed): flow A (Sage customer → Streak organization) and flow B (Streak
// organization → Sage customer) never re-trigger each other, while a person's later change still does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FlowGraph } from '@conduit/flow';
import { demoSeed } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { authenticateStreakWebhook, ingestStreakWebhook, type IngressDeps } from '../client/ingress';
import { createHarness, type Harness } from '../test/harness';
import { findEchoes, isEcho } from './echo';
import { beginWrite, PENDING, recordWrite } from './links';
import { fieldsHash } from '../echo-refs';

let h: Harness;
let receiver: Server;
const at = { x: 0, y: 0 };
const CUSTOMER = '01-ACMEIND';
const DOMAIN = 'acmeindustrial.com';

const sageToStreak: FlowGraph = {
  schemaVersion: 1,
  nodes: [
    { id: 'changed', kind: 'trigger', label: 'Sage customer changed', position: at, config: { type: 'changeFeed', connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_Customer' } } },
    { id: 'org', kind: 'write', label: 'Upsert organization', position: at, config: { connector: 'streak@1', action: 'upsertOrganization', inputs: { fields: [{ target: 'domain', expression: `"${DOMAIN}"` }, { target: 'name', source: 'trigger.record.customerName' }] } } },
  ],
  edges: [{ id: 'e1', source: 'changed', sourcePort: 'out', target: 'org', targetPort: 'in' }],
};

const streakToSage: FlowGraph = {
  schemaVersion: 1,
  nodes: [
    { id: 'orgChanged', kind: 'trigger', label: 'Streak organization changed', position: at, config: { type: 'webhook', connector: 'streak@1', event: 'organizationEvent', params: { events: ['ORG_CREATE', 'ORG_UPDATE'] } } },
    { id: 'customer', kind: 'write', label: 'Update customer', position: at, config: { connector: 'sage100@1', action: 'updateCustomer', inputs: { fields: [{ target: 'customerKey', expression: `"${CUSTOMER}"` }, { target: 'customerName', source: 'trigger.name' }] } } },
  ],
  edges: [{ id: 'e1', source: 'orgChanged', sourcePort: 'out', target: 'customer', targetPort: 'in' }],
};

let flowA: Awaited<ReturnType<Harness['deploy']>>;
let flowB: Awaited<ReturnType<Harness['deploy']>>;

async function api<T>(base: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
const sage = async <T>(method: string, path: string, body?: unknown) => (await api<{ data: T }>(`${h.gateway.url}/v1/companies/ABC/`, h.gateway.token, method, path, body)).data;
const streak = <T>(method: string, path: string, body?: unknown) => api<T>(`${h.sandbox.url}/api/`, h.sandbox.apiKey, method, path, body);

async function pollA(): Promise<{ started: number }> {
  return h.temporal.client.workflow.execute('changeFeedPoll', {
    taskQueue: h.taskQueue,
    workflowId: `poll-${Math.random()}`,
    args: [{ environment: h.environment, flowId: flowA.flowId, versionId: flowA.versionId, plan: flowA.plan, connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_Customer' } }],
  }) as Promise<{ started: number }>;
}

/** Waits (bounded) until flow B has `count` runs: webhooks arrive in the background. */
async function runsOfB(count: number) {
  for (let waited = 0; ; waited += 100) {
    const runs = await h.db.run.findMany({ where: { flowId: flowB.flowId }, orderBy: { startedAt: 'asc' } });
    if (runs.length >= count) return runs;
    if (waited > 20_000) throw new Error(`expected ${count} runs of flow B, got ${runs.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  const deps: IngressDeps = { db: h.db, secrets: h.secrets, temporal: async () => h.temporal.client };
  const endpointId = (await h.db.environment.findUniqueOrThrow({ where: { id: h.environment.id } })).webhookEndpointId;
  // The designer's ingress route, reduced to what it does with a delivery.
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      void (async () => {
        const auth = await authenticateStreakWebhook(deps, { environmentKey: 'dev', endpointId, token: String(req.headers['x-streak-webhook-token'] ?? ''), ip: null });
        const answer = 'answer' in auth ? auth.answer : await ingestStreakWebhook(deps, { env: auth.env, event: new URL(req.url ?? '/', 'http://x').searchParams.get('event'), text });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      })();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  for (const event of ['ORG_CREATE', 'ORG_UPDATE']) {
    await streak('POST', `v2/webhooks?teamKey=${demoSeed().teamKey}`, { event, targetUrl: `http://127.0.0.1:${port}/hook?event=${event}`, token: 'hook-secret' });
  }
  flowA = await h.deploy(sageToStreak);
  flowB = await h.deploy(streakToSage);
}, 120_000);
afterAll(async () => {
  if (receiver) {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  }
  await h?.close();
});

describe('echo suppression', () => {
  it('a write by flow A comes back as an event that flow B drops, visibly', async () => {
    expect(await pollA()).toEqual({ started: 0 }); // the first poll sets the starting point
    await sage('PATCH', `customers/${CUSTOMER}`, { customerName: 'ACME INDUSTRIAL (EDITED)' });
    expect(await pollA()).toEqual({ started: 1 });
    const [runA] = await h.db.run.findMany({ where: { flowId: flowA.flowId } });
    expect((await h.result(runA!.workflowId)).status).toBe('succeeded');
    const org = (await h.result(runA!.workflowId)).outputs.org as { key: string; name: string };
    expect(org.name).toBe('ACME INDUSTRIAL (EDITED)');

    // Streak announced the saves of A's upsert; flow B recorded each as dropped and started nothing.
    const dropped = await runsOfB(1);
    expect(dropped.every((r) => r.status === 'cancelled' && r.error?.startsWith(`dropped: echo of run ${runA!.id}`))).toBe(true);
    expect(await h.db.webhookEvent.count({ where: { eventType: { in: ['ORG_CREATE', 'ORG_UPDATE'] }, runsStarted: { gt: 0 } } })).toBe(0);

    // The write is in the ledger, and the organization is paired with the customer it came from.
    expect(await h.db.linkWrite.findFirst({ where: { system: 'streak', recordType: 'organization', recordId: org.key } })).toMatchObject({ runId: runA!.id, nodeId: 'org' });
    expect(await h.db.link.findFirst({ where: { entity: 'customer' } })).toMatchObject({ streakKey: org.key, sageKey: CUSTOMER, lastWrittenSide: 'streak' });
  });

  it('a person changing the organization afterwards does start flow B, whose Sage write then does not start flow A', async () => {
    const org = (await h.db.link.findFirstOrThrow({ where: { entity: 'customer' } })).streakKey;
    const before = (await runsOfB(1)).length;
    await streak('POST', `v2/organizations/${org}`, { name: 'Acme Industrial Supply' });
    const runs = await runsOfB(before + 1);
    const human = runs.find((r) => r.status !== 'cancelled');
    expect(human).toBeDefined();
    expect((await h.result(human!.workflowId)).status).toBe('succeeded');
    expect((await sage<{ customerName: string }>('GET', `customers/${CUSTOMER}`)).customerName).toBe('Acme Industrial Supply');

    // B's write to Sage shows up in the change feed: recorded as dropped for flow A, nothing started.
    expect(await pollA()).toEqual({ started: 0 });
    const droppedA = await h.db.run.findMany({ where: { flowId: flowA.flowId, status: 'cancelled' } });
    expect(droppedA).toHaveLength(1);
    expect(droppedA[0]?.error).toContain(`dropped: echo of run ${human!.id}`);
    expect(droppedA[0]?.error).toContain(`sage100 customer ${CUSTOMER}`);
  });

  it('a person changing the Sage customer after our write starts flow A again', async () => {
    // The feed's event keys carry whole seconds: a person's edit comes a little later on the Sage clock.
    await api(h.gateway.url, h.gateway.token, 'POST', '/__emulator/clock', { advanceSeconds: 5 });
    await sage('PATCH', `customers/${CUSTOMER}`, { telephoneNo: '(216) 555-0199' });
    expect(await pollA()).toEqual({ started: 1 });
    expect(await h.db.run.count({ where: { flowId: flowA.flowId, status: 'cancelled' } })).toBe(1);
  });
});

describe('a change announced before our write is recorded', () => {
  it('waits for the write in flight on that record, then knows it as ours', async () => {
    const now = Date.now();
    const org = { key: 'ORG-IN-FLIGHT', teamKey: 'team', domains: ['inflight.example'], name: 'In flight', lastSavedTimestamp: now };
    const write = { environmentId: h.environment.id, system: 'streak', pendingId: 'in-flight-1', nodeId: 'org', startedAt: now - 5 };
    await beginWrite(h.db, { ...write, recordType: 'organization', targetId: org.key });
    // Streak's webhook is faster than our bookkeeping: the event is checked while the write is in flight.
    const checking = findEchoes(h.db, h.environment.id, 'streak', [org]);
    await new Promise((r) => setTimeout(r, 100));
    await recordWrite(h.db, { ...write, input: { domain: 'inflight.example', name: 'In flight' }, output: org });
    expect((await checking).get(0)).toMatchObject({ ref: { recordType: 'organization', recordId: org.key } });
    expect(await h.db.linkWrite.count({ where: { recordType: PENDING } })).toBe(0);
  });
});

describe('isEcho', () => {
  const row = { fields: ['name'], fieldsHash: 'h', version: 2_000, runId: 'r', startedAt: new Date(1_500) };
  const ref = (system: string, version?: number) => ({ system, recordType: 'organization', recordId: 'k', ...(version === undefined ? {} : { version }) });
  it('matches the version our write left, and (UTC clocks only) saves inside our write', () => {
    expect(isEcho({ ref: ref('streak', 2_000), payload: {} }, row)).toBe(true);
    expect(isEcho({ ref: ref('streak', 1_800), payload: {} }, row)).toBe(true);
    expect(isEcho({ ref: ref('streak', 2_001), payload: {} }, row)).toBe(false);
    expect(isEcho({ ref: ref('streak', 100), payload: {} }, row)).toBe(false);
    expect(isEcho({ ref: ref('sage100', 1_800), payload: {} }, row)).toBe(false);
  });
  it('without versions, compares the written fields', () => {
    const unversioned = { ...row, version: null, fieldsHash: fieldsHash({ name: 'Acme', other: 'a' }, ['name']) };
    expect(isEcho({ ref: ref('streak'), payload: { name: 'Acme', other: 'b' } }, unversioned)).toBe(true);
    expect(isEcho({ ref: ref('streak'), payload: { name: 'Acme Inc' } }, unversioned)).toBe(false);
  });
});
