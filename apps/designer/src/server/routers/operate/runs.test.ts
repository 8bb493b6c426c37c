// Runs, dead letters and approvals as the engine leaves them in the database, with the engine's run
// actions against a Temporal test server: find a run by box key, page, retry/re-run/cancel, replay or
// discard dead letters, decide approvals once.
import { type TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secrets } from '../../db';
import { startOperateJobs } from '../../alerts/scheduler';
import { pruneRuns } from './retention';
import {
  demoGraph,
  seedFlow,
  seedRun,
  setupOperateTest,
  startPlaceholderWorkflow,
  type OperateTest,
} from './test-support';

let t: OperateTest;
let version: { id: string; flowId: string };
const CREDIT_HOLD = {
  reasonCode: 'CREDIT_HOLD',
  message: 'Sage 100: sales order for customer 01-ABF fails: Customer is on credit hold',
  suggestion:
    'Customer 01-ABF is on credit hold in Sage 100: release the hold or route the order for approval, then replay.',
};

beforeAll(async () => {
  t = await setupOperateTest({ temporal: true });
  const { versions } = await seedFlow(t.db, {
    workspaceId: t.workspaceId,
    name: 'Closed-Won → Sales Order',
    graphs: [demoGraph()],
  });
  version = versions[0]!;
  await t.db.deployment.create({
    data: { environmentId: t.env.dev, flowId: version.flowId, flowVersionId: version.id },
  });
});
afterAll(async () => {
  await t.close();
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: TRPCError) => e.code,
  );

describe('runs', () => {
  it('pages with a keyset cursor without gaps or repeats', async () => {
    const base = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 7; i++)
      await seedRun(t.db, {
        environmentId: t.env.dev,
        flowVersion: version,
        status: 'succeeded',
        searchKeys: [`page${i}`],
        startedAt: new Date(base + (i % 3) * 1000),
      });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t
        .caller('viewer')
        .runs.list({ filter: { to: new Date(base + 10_000) }, limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.runs.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(await code(t.caller('viewer').runs.list({ cursor: 'garbage' }))).toBe('BAD_REQUEST');
  });

  it('finds a failed run by box key, customer number or id, and shows redacted steps and a link to the box', async () => {
    const run = await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: version,
      status: 'dead_lettered',
      searchKeys: ['BOX-7781', '01-ABF'],
      deadLetter: CREDIT_HOLD,
    });
    for (const search of ['BOX-7781', '01-ABF', run.id]) {
      const { runs } = await t.caller('viewer').runs.list({ filter: { search, status: ['dead_lettered'] } });
      expect(runs.map((r) => r.id)).toEqual([run.id]);
    }
    const detail = await t.caller('viewer').runs.get({ id: run.id });
    expect(JSON.stringify(detail.steps)).not.toContain('leaked-secret');
    expect(detail.links[0]).toMatchObject({
      kind: 'Streak box',
      key: 'BOX-7781',
      href: expect.stringContaining('BOX-7781'),
    });
    expect(detail.deadLetters[0]).toMatchObject({ reasonCode: 'CREDIT_HOLD' });
  });

  it('retries only failed runs, re-runs finished ones on the deployed version, cancels only active ones', async () => {
    const failed = await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: version,
      status: 'failed',
      searchKeys: ['R1'],
    });
    const running = await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: version,
      status: 'running',
      searchKeys: ['R2'],
    });
    expect(await code(t.caller('builder').runs.retry({ runId: running.id }))).toBe('CONFLICT');
    const retried = await t.caller('builder').runs.retry({ runId: failed.id });
    expect(await t.db.run.findUniqueOrThrow({ where: { id: retried.runId } })).toMatchObject({
      status: 'queued',
      eventKey: failed.eventKey,
      flowVersionId: version.id,
    });
    const handle = t.temporal!.workflow.getHandle(
      (await t.db.run.findUniqueOrThrow({ where: { id: retried.runId } })).workflowId,
    );
    expect((await handle.describe()).type).toBe('flowRun');

    expect(await code(t.caller('builder').runs.rerun({ runId: running.id }))).toBe('CONFLICT');
    // No workflow exists for this seeded run: cancel closes it in the database instead of leaving it running.
    await t.caller('builder').runs.cancel({ runId: running.id });
    expect((await t.db.run.findUniqueOrThrow({ where: { id: running.id } })).status).toBe('cancelled');
    const rerun = await t.caller('builder').runs.rerun({ runId: running.id });
    expect(rerun.runId).not.toBe(running.id);
    expect(await code(t.caller('builder').runs.cancel({ runId: running.id }))).toBe('CONFLICT');
    const actions = await t.db.auditLog.findMany({
      where: { action: { startsWith: 'run.' } },
      orderBy: { createdAt: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual(['run.retry', 'run.cancel', 'run.rerun']);
  });
});

describe('dead letters', () => {
  it('groups by reason, previews and retries many in place, and refuses a stale selection', async () => {
    const a = await seedRun(t.db, {
      environmentId: t.env.qa,
      flowVersion: version,
      status: 'dead_lettered',
      searchKeys: ['DL1'],
      deadLetter: CREDIT_HOLD,
    });
    const b = await seedRun(t.db, {
      environmentId: t.env.qa,
      flowVersion: version,
      status: 'dead_lettered',
      searchKeys: ['DL2'],
      deadLetter: CREDIT_HOLD,
    });
    const groups = await t.caller('viewer').deadLetters.list({ environmentId: t.env.qa });
    expect(groups).toEqual([
      expect.objectContaining({ reasonCode: 'CREDIT_HOLD', count: 2, suggestion: CREDIT_HOLD.suggestion }),
    ]);
    const ids = groups[0]!.items.map((i) => i.id);
    const preview = await t.caller('builder').deadLetters.previewReplay({ ids });
    expect(preview.map((p) => p.nodeId)).toEqual(['order', 'order']);
    expect(preview.map((p) => p.deployedVersion)).toEqual([null, null]);
    expect(await code(t.caller('builder').deadLetters.discard({ ids, note: 'no' }))).toBe('BAD_REQUEST');
    const r = await t.caller('builder').deadLetters.replay({ ids, version: 'pinned' });
    expect(r).toMatchObject({ replayed: 2, failed: [] });
    const again = await t.db.run.findMany({ where: { id: { in: r.runIds } } });
    expect(again.map((x) => x.eventKey).sort()).toEqual([a.eventKey, b.eventKey].sort());
    expect(await code(t.caller('builder').deadLetters.replay({ ids }))).toBe('CONFLICT');
  });

  it('replays on the version deployed now, as a new run of the same event, and reports what could not start', async () => {
    const { versions } = await seedFlow(t.db, {
      workspaceId: t.workspaceId,
      name: 'Fixed flow',
      graphs: [demoGraph(), demoGraph({ orderMapping: { CustomerNo: '"01-ABC"' } })],
    });
    const failed = await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: versions[0]!,
      status: 'dead_lettered',
      searchKeys: ['FIX1'],
      deadLetter: CREDIT_HOLD,
    });
    const [letter] = await t.db.deadLetter.findMany({ where: { runId: failed.id } });
    const refused = await t.caller('builder').deadLetters.replay({ ids: [letter!.id] });
    expect(refused).toMatchObject({
      replayed: 0,
      failed: [{ deadLetterId: letter!.id, error: expect.stringMatching(/not deployed/) }],
    });
    expect((await t.db.deadLetter.findUniqueOrThrow({ where: { id: letter!.id } })).status).toBe('open');
    await t.db.deployment.create({
      data: { environmentId: t.env.dev, flowId: versions[1]!.flowId, flowVersionId: versions[1]!.id },
    });
    expect((await t.caller('builder').deadLetters.previewReplay({ ids: [letter!.id] }))[0]).toMatchObject({
      version: 1,
      deployedVersion: 2,
    });
    const r = await t.caller('builder').deadLetters.replay({ ids: [letter!.id] });
    const fresh = await t.db.run.findUniqueOrThrow({ where: { id: r.runIds[0]! } });
    expect(fresh).toMatchObject({
      flowVersionId: versions[1]!.id,
      status: 'queued',
      eventKey: failed.eventKey,
    });
    expect(fresh.searchKeys).toContain('FIX1');
    expect((await t.db.deadLetter.findUniqueOrThrow({ where: { id: letter!.id } })).status).toBe('replayed');
  });

  it('discards with a note, all or nothing', async () => {
    const c = await seedRun(t.db, {
      environmentId: t.env.qa,
      flowVersion: version,
      status: 'dead_lettered',
      searchKeys: ['DL3'],
      deadLetter: CREDIT_HOLD,
    });
    const [letter] = await t.db.deadLetter.findMany({ where: { runId: c.id } });
    const replayed = await t.db.deadLetter.findFirstOrThrow({ where: { status: 'replayed' } });
    expect(
      await code(
        t.caller('builder').deadLetters.discard({ ids: [letter!.id, replayed.id], note: 'duplicate order' }),
      ),
    ).toBe('CONFLICT');
    expect((await t.db.deadLetter.findUniqueOrThrow({ where: { id: letter!.id } })).status).toBe('open');
    await t.caller('builder').deadLetters.discard({ ids: [letter!.id], note: 'duplicate order' });
    expect(await t.db.deadLetter.findUniqueOrThrow({ where: { id: letter!.id } })).toMatchObject({
      status: 'discarded',
      note: 'duplicate order',
    });
  });
});

describe('approvals', () => {
  it('approves once through the engine, audits it, and refuses a second decision and an expired one', async () => {
    const run = await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: version,
      status: 'waiting',
      searchKeys: ['AP1'],
      approval: { summary: { deal: 'Acme', amount: 25000 } },
    });
    await startPlaceholderWorkflow(t.temporal!, run.workflowId);
    const [pending] = await t.caller('viewer').approvals.list({});
    expect(pending).toMatchObject({ runId: run.id, summary: { amount: 25000 } });
    expect(await code(t.caller('approver').approvals.decide({ id: pending!.id, approved: false }))).toBe(
      'BAD_REQUEST',
    );
    expect(
      await t
        .caller('approver')
        .approvals.decide({ id: pending!.id, approved: true, comment: 'ok, known customer' }),
    ).toMatchObject({ status: 'approved' });
    expect(
      await code(
        t.caller('owner').approvals.decide({ id: pending!.id, approved: false, comment: 'changed my mind' }),
      ),
    ).toBe('CONFLICT');
    const detail = await t.caller('viewer').approvals.get({ id: pending!.id });
    expect(detail.decidedBy).toMatchObject({ email: 'approver@demo.conduit.local' });
    const [entry] = await t.db.auditLog.findMany({ where: { action: 'approval.approve' } });
    expect(entry).toMatchObject({
      targetId: pending!.id,
      after: { status: 'approved', comment: 'ok, known customer' },
    });

    const late = await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: version,
      status: 'waiting',
      approval: { summary: {}, expiresAt: new Date(Date.now() - 1000) },
    });
    const lateApproval = await t.db.approval.findFirstOrThrow({ where: { runId: late.id } });
    expect(await code(t.caller('approver').approvals.decide({ id: lateApproval.id, approved: true }))).toBe(
      'CONFLICT',
    );
  });

  it('keeps the approval pending when the engine cannot take the decision', async () => {
    const orphan = await seedRun(t.db, {
      environmentId: t.env.dev,
      flowVersion: version,
      status: 'waiting',
      searchKeys: ['AP2'],
      approval: { summary: {} },
    });
    const approval = await t.db.approval.findFirstOrThrow({ where: { runId: orphan.id } });
    expect(await code(t.caller('approver').approvals.decide({ id: approval.id, approved: true }))).toBe(
      'SERVICE_UNAVAILABLE',
    );
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approval.id } })).status).toBe('pending');
  });
});

describe('dashboard', () => {
  it('sums runs, success rate, latency percentiles, failures by reason and backlogs for one environment', async () => {
    const { versions } = await seedFlow(t.db, {
      workspaceId: t.workspaceId,
      name: 'Dashboard flow',
      graphs: [demoGraph()],
    });
    const envId = (await t.caller('owner').environments.create({ key: 'dash', name: 'Dashboard env' })).id;
    for (const status of ['succeeded', 'succeeded', 'succeeded'] as const)
      await seedRun(t.db, { environmentId: envId, flowVersion: versions[0]!, status });
    await seedRun(t.db, {
      environmentId: envId,
      flowVersion: versions[0]!,
      status: 'dead_lettered',
      deadLetter: CREDIT_HOLD,
    });
    await seedRun(t.db, {
      environmentId: envId,
      flowVersion: versions[0]!,
      status: 'waiting',
      approval: { summary: {} },
    });
    const d = await t.caller('viewer').dashboard.get({ environmentId: envId, range: '1h' });
    expect(d.series).toHaveLength(61);
    expect(d.series.reduce((n, p) => n + p.total, 0)).toBe(5);
    expect(d.successRate).toBeCloseTo(3 / 4);
    expect(d.perFlow).toEqual([
      expect.objectContaining({ name: 'Dashboard flow', total: 5, succeeded: 3, p50: 1200, p95: 1200 }),
    ]);
    expect(d.failures).toEqual([{ reasonCode: 'CREDIT_HOLD', count: 1 }]);
    expect(d).toMatchObject({ deadLetterBacklog: 1, approvalsWaiting: 1 });
  });
});

describe('retention', () => {
  it('prunes finished runs past retention but keeps recent ones and ones with open dead letters', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000);
    const gone = await seedRun(t.db, {
      environmentId: t.env.prod,
      flowVersion: version,
      status: 'succeeded',
      startedAt: old,
    });
    const kept = await seedRun(t.db, {
      environmentId: t.env.prod,
      flowVersion: version,
      status: 'dead_lettered',
      startedAt: old,
      deadLetter: CREDIT_HOLD,
    });
    const fresh = await seedRun(t.db, {
      environmentId: t.env.prod,
      flowVersion: version,
      status: 'succeeded',
    });
    const r = await t.caller('admin').environments.pruneRuns({ id: t.env.prod });
    expect(r.deleted).toBe(1);
    const left = (await t.db.run.findMany({ where: { environmentId: t.env.prod } })).map((x) => x.id);
    expect(left.sort()).toEqual([kept.id, fresh.id].sort());
    expect(left).not.toContain(gone.id);
    expect(await pruneRuns(t.db, { environmentId: t.env.prod })).toEqual({ deleted: 0 });
  });

  it('runs retention in the background job until stopped', async () => {
    const gone = await seedRun(t.db, {
      environmentId: t.env.prod,
      flowVersion: version,
      status: 'failed',
      startedAt: new Date(Date.now() - 90 * 86_400_000),
    });
    const errors: string[] = [];
    const stop = startOperateJobs({
      db: t.db,
      secrets: secrets(),
      pruneEveryMs: 20,
      alertEveryMs: 20,
      log: (m) => errors.push(m),
    });
    try {
      await expect.poll(() => t.db.run.count({ where: { id: gone.id } })).toBe(0);
    } finally {
      stop();
    }
    expect(errors).toEqual([]);
  });
});
