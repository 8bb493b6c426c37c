import type { FlowGraph } from '@conduit/flow';
import { demoSeed } from '@conduit/streak-sandbox';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chain, createHarness, type Harness } from '../test/harness';
import { decideApproval, RunActionError, replayDeadLetters, runAgain } from './actions';

let h: Harness;
let boxKey: string;
const auth = () => ({ authorization: `Bearer ${h.sandbox.apiKey}` });

beforeAll(async () => {
  h = await createHarness({ databaseUrl: inject('databaseUrl'), temporalTestServerPath: inject('temporalTestServerPath') });
  const boxes = (await fetch(`${h.sandbox.url}/api/v1/pipelines/${demoSeed().pipelineKey}/boxes`, { headers: auth() }).then((r) => r.json())) as Array<{ key: string }>;
  boxKey = boxes[1]!.key;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

const deps = () => ({ db: h.db, temporal: async () => h.temporal.client });

function approvalFlow(onTimeout: 'approve' | 'reject'): FlowGraph {
  const at = { x: 0, y: 0 };
  return {
    schemaVersion: 1,
    nodes: [
      { id: 'trigger', kind: 'trigger', label: 'Deal won', position: at, config: { type: 'webhook', connector: 'streak@1', event: 'BOX_CHANGE_STAGE' } },
      { id: 'gate', kind: 'condition', label: 'Big deal?', position: at, config: { expression: 'trigger.value > env.approvalThreshold' } },
      { id: 'approve', kind: 'approval', label: 'Finance approves', position: at, config: { message: 'concat("Deal worth ", string(trigger.value))', timeoutMs: 3_600_000, onTimeout } },
      { id: 'comment', kind: 'write', label: 'Comment', position: at, config: { connector: 'streak@1', action: 'addComment', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'message', expression: '"approved and sent"' }] } } },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'gate', targetPort: 'in' },
      { id: 'e2', source: 'gate', sourcePort: 'true', target: 'approve', targetPort: 'in' },
      { id: 'e3', source: 'gate', sourcePort: 'false', target: 'comment', targetPort: 'in' },
      { id: 'e4', source: 'approve', sourcePort: 'approved', target: 'comment', targetPort: 'in' },
    ],
  };
}

async function waitForApproval(runId: string) {
  for (let i = 0; i < 100; i++) {
    const a = await h.db.approval.findFirst({ where: { runId } });
    if (a) return a;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no approval appeared');
}

describe('approvals', () => {
  it('waits for a person above the threshold; approving continues the run', async () => {
    const flow = await h.deploy(approvalFlow('reject'));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'big-1', payload: { boxKey, value: 25_000 } });
    const approval = await waitForApproval(runId);
    expect(approval.reason).toBe('Deal worth 25000');
    expect((await h.db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('waiting');
    await decideApproval(deps(), { approvalId: approval.id, approved: true, comment: 'ok', userId: '00000000-0000-0000-0000-000000000001', userEmail: 'approver@example.com' });
    expect((await h.result(workflowId)).status).toBe('succeeded');
    const steps = await h.db.runStep.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
    expect(steps.map((s) => [s.nodeId, s.status])).toEqual([['trigger', 'succeeded'], ['gate', 'succeeded'], ['approve', 'succeeded'], ['comment', 'succeeded']]);
    expect(steps[2]?.output).toMatchObject({ approved: true, by: 'approver@example.com', comment: 'ok' });
    await expect(decideApproval(deps(), { approvalId: approval.id, approved: false, userId: '00000000-0000-0000-0000-000000000001' })).rejects.toThrow(/already approved/);
  });

  it('rejecting skips the write', async () => {
    const flow = await h.deploy(approvalFlow('approve'));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'big-2', payload: { boxKey, value: 50_000 } });
    const approval = await waitForApproval(runId);
    await decideApproval(deps(), { approvalId: approval.id, approved: false, comment: 'too risky', userId: '00000000-0000-0000-0000-000000000001' });
    expect((await h.result(workflowId)).status).toBe('succeeded');
    const comment = await h.db.runStep.findFirstOrThrow({ where: { runId, nodeId: 'comment' } });
    expect(comment.status).toBe('skipped');
  });

  it('expires on its durable timer and takes the configured default', async () => {
    const flow = await h.deploy(approvalFlow('reject'));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'big-3', payload: { boxKey, value: 99_000 } });
    expect((await h.result(workflowId)).status).toBe('succeeded');
    expect((await h.db.approval.findFirstOrThrow({ where: { runId } })).status).toBe('expired');
    expect((await h.db.runStep.findFirstOrThrow({ where: { runId, nodeId: 'approve' } })).output).toMatchObject({ approved: false });
  });

  it('below the threshold no approval is asked', async () => {
    const flow = await h.deploy(approvalFlow('reject'));
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'small-1', payload: { boxKey, value: 900 } });
    expect((await h.result(workflowId)).status).toBe('succeeded');
    expect(await h.db.approval.count({ where: { runId } })).toBe(0);
  });
});

describe('dead letter → fix → replay', () => {
  it('replays with the newly deployed version and succeeds; retry from the failed step reuses earlier outputs', async () => {
    const broken = chain([
      { id: 'prepare', kind: 'map', config: { mapping: { fields: [{ target: 'stage', expression: '"Closed Won"' }] } } },
      { id: 'move', kind: 'write', config: { connector: 'streak@1', action: 'updateBox', inputs: { fields: [{ target: 'boxKey', source: 'trigger.boxKey' }, { target: 'stage', source: 'steps.prepare.stage' }] } } },
    ]);
    const flow = await h.deploy(broken);
    const { runId, workflowId } = await h.start(flow, { kind: 'webhook', eventKey: 'fix-1', payload: { boxKey } });
    expect((await h.result(workflowId)).status).toBe('dead_lettered');
    const dl = await h.db.deadLetter.findFirstOrThrow({ where: { runId } });

    await expect(runAgain(deps(), { runId, fromFailedStep: true }).then((r) => h.result(r.workflowId))).resolves.toMatchObject({ status: 'dead_lettered' });

    // The fix: the stage is called "Closed-Won" in this pipeline. Deploy the corrected mapping.
    const fixedGraph = structuredClone(broken);
    const prepare = fixedGraph.nodes.find((n) => n.id === 'prepare');
    if (prepare?.kind !== 'map') throw new Error('test graph changed');
    prepare.config.mapping.fields[0]!.expression = '"Closed-Won"';
    await h.deploy(fixedGraph, { flowId: flow.flowId });

    const [replayed] = await replayDeadLetters(deps(), [dl.id]);
    expect(replayed?.error).toBeUndefined();
    const again = await h.db.run.findUniqueOrThrow({ where: { id: replayed!.runId! } });
    expect((await h.result(again.workflowId)).status).toBe('succeeded');
    expect((await h.db.deadLetter.findUniqueOrThrow({ where: { id: dl.id } })).status).toBe('replayed');
    const box = (await fetch(`${h.sandbox.url}/api/v1/boxes/${boxKey}`, { headers: auth() }).then((r) => r.json())) as { stageKey: string };
    expect(box.stageKey).toBe(demoSeed().stages['Closed-Won']);
    expect(await replayDeadLetters(deps(), [dl.id])).toEqual([{ deadLetterId: dl.id, error: 'already replayed' }]);
  });

  it('refuses to run again a run that is still going', async () => {
    const flow = await h.deploy(approvalFlow('reject'));
    const { runId } = await h.start(flow, { kind: 'webhook', eventKey: 'busy-1', payload: { boxKey, value: 20_000 } });
    await waitForApproval(runId);
    await expect(runAgain(deps(), { runId, fromFailedStep: false })).rejects.toBeInstanceOf(RunActionError);
  });
});
