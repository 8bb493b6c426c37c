// Deploy, promote dev → QA → prod with a diff, roll back; Streak webhooks are registered on deploy and
// removed on undeploy in a real sandbox; protected prod needs an owner or admin; all of it audited.
import { type Sandbox, demoSeed, sandboxControl, startSandbox } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGraph, seedFlow, setupOperateTest, type OperateTest } from './test-support';

let t: OperateTest;
let sb: Sandbox;
let flowId: string;
let v1: string;
let v2: string;
beforeAll(async () => {
  sb = await startSandbox({ dataFile: null, seed: true });
  t = await setupOperateTest({ streak: { baseUrl: `${sb.url}/api`, apiKey: sb.apiKey } });
  // Streak webhooks are per pipeline: point the trigger at the sandbox's demo pipeline.
  const graph = (orderMapping?: Record<string, string>) =>
    demoGraph({ orderMapping, pipelineKey: demoSeed().pipelineKey });
  const seeded = await seedFlow(t.db, {
    workspaceId: t.workspaceId,
    name: 'Closed-Won → Sales Order',
    graphs: [
      graph(),
      graph({ CustomerNo: 'customer.CustomerNo', CustomerPONo: 'box.name', Comment: '"from Streak"' }),
    ],
  });
  flowId = seeded.flow.id;
  [v1, v2] = seeded.versions.map((v) => v.id) as [string, string];
});
afterAll(async () => {
  await t.db.$disconnect();
  await t.tdb.drop();
  await sb.close();
});

const webhooks = async () => (await sandboxControl(sb.url).info()).counts.webhooks;

describe('deployments', () => {
  it('deploys to dev and registers the Streak webhook', async () => {
    const before = await webhooks();
    const r = await t.caller('builder').deployments.deploy({ environmentId: t.env.dev, flowVersionId: v1 });
    expect(r.warnings).toEqual([]);
    expect(await webhooks()).toBe(before + 1);
    const d = await t.db.deployment.findUniqueOrThrow({ where: { id: r.deploymentId } });
    expect(d.webhookKeys).toHaveLength(1);
    // Streak deliveries do not name their event: the URL must, next to the environment's endpoint.
    const auth = {
      authorization: `Basic ${Buffer.from(`${sb.apiKey}:`).toString('base64')}`,
      'content-type': 'application/json',
    };
    const boxes = (await (
      await fetch(`${sb.url}/api/v1/pipelines/${demoSeed().pipelineKey}/boxes`, { headers: auth })
    ).json()) as Array<{ key: string; stageKey: string }>;
    const stage = Object.values(demoSeed().stages).find((k) => k !== boxes[0]!.stageKey)!;
    await fetch(`${sb.url}/api/v1/boxes/${boxes[0]!.key}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ stageKey: stage }),
    });
    const env = await t.db.environment.findUniqueOrThrow({ where: { id: t.env.dev } });
    await expect
      .poll(
        async () => (await sandboxControl(sb.url).deliveries({ webhookKey: d.webhookKeys[0] }))[0]?.targetUrl,
      )
      .toBe(`http://127.0.0.1:3999/api/hooks/streak/dev/${env.webhookEndpointId}?event=BOX_CHANGE_STAGE`);
  });

  it('previews and promotes dev → QA with a diff of graph and mappings', async () => {
    await t.caller('builder').deployments.deploy({ environmentId: t.env.dev, flowVersionId: v2 });
    const preview = await t
      .caller('viewer')
      .deployments.preview({ flowId, fromEnvironmentId: t.env.dev, toEnvironmentId: t.env.qa });
    expect(preview.from.version).toBe(2);
    expect(preview.to.version).toBeNull();
    expect(preview.graph.nodes.map((n) => n.kind)).toEqual(['added', 'added', 'added', 'added']);
    const r = await t
      .caller('builder')
      .deployments.promote({ flowId, fromEnvironmentId: t.env.dev, toEnvironmentId: t.env.qa });
    expect(r.version).toBe(2);
    const overview = await t.caller('viewer').deployments.overview();
    expect(overview[0]!.live[t.env.qa]).toMatchObject({ version: 2 });
  });

  it('shows mapping changes between the versions in two environments', async () => {
    await t.caller('builder').deployments.deploy({ environmentId: t.env.dev, flowVersionId: v1 });
    const preview = await t
      .caller('viewer')
      .deployments.preview({ flowId, fromEnvironmentId: t.env.dev, toEnvironmentId: t.env.qa });
    expect(preview.graph.mappings).toEqual([
      expect.objectContaining({ nodeId: 'order', key: 'Comment', kind: 'removed' }),
    ]);
    expect(preview.graph.nodes).toEqual([
      expect.objectContaining({ key: 'order', kind: 'changed', label: 'Create sales order' }),
    ]);
  });

  it('keeps protected prod for owners and admins', async () => {
    await t.caller('owner').connections.create({
      environmentId: t.env.prod,
      kind: 'streak',
      name: 'Streak',
      config: { baseUrl: `${sb.url}/api`, allowPrivateHost: true },
      secret: sb.apiKey,
    });
    await expect(
      t
        .caller('builder')
        .deployments.promote({ flowId, fromEnvironmentId: t.env.qa, toEnvironmentId: t.env.prod }),
    ).rejects.toThrow(/Production is protected/);
    expect(await t.db.deployment.count({ where: { environmentId: t.env.prod } })).toBe(0);
    const r = await t
      .caller('admin')
      .deployments.promote({ flowId, fromEnvironmentId: t.env.qa, toEnvironmentId: t.env.prod });
    expect(r.version).toBe(2);
  });

  it('rolls back to the previous version and removes webhooks on undeploy', async () => {
    const r = await t.caller('builder').deployments.rollback({ environmentId: t.env.dev, flowId });
    expect(r.version).toBe(2);
    const live = await webhooks();
    await t.caller('builder').deployments.undeploy({ environmentId: t.env.dev, flowId });
    expect(await webhooks()).toBe(live - 1);
    expect(await t.db.deployment.count({ where: { environmentId: t.env.dev, active: true } })).toBe(0);
  });

  it('refuses to deploy a Streak-triggered flow where there is no Streak connection, changing nothing', async () => {
    const created = await t.caller('owner').environments.create({ key: 'uat', name: 'UAT' });
    await expect(
      t.caller('builder').deployments.deploy({ environmentId: created.id, flowVersionId: v1 }),
    ).rejects.toThrow(/add a Streak connection to UAT first/);
    expect(await t.db.deployment.count({ where: { environmentId: created.id } })).toBe(0);
  });

  it('records promotions and rollbacks in the audit log with before and after', async () => {
    const { entries } = await t.caller('owner').audit.list({ action: 'flow.' });
    expect(entries.map((e) => e.action)).toEqual([
      'flow.undeploy',
      'flow.rollback',
      'flow.promote',
      'flow.deploy',
      'flow.promote',
      'flow.deploy',
      'flow.deploy',
    ]);
    const prod = entries.find(
      (e) => e.action === 'flow.promote' && (e.after as { environment: string }).environment === 'prod',
    )!;
    expect(prod).toMatchObject({
      actorEmail: 'admin@demo.conduit.local',
      after: expect.objectContaining({ from: 'qa', version: 2 }),
    });
  });
});
