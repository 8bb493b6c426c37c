import { evaluate, evaluateExpression } from '@conduit/mapping';
import { describe, expect, it } from 'vitest';
import { catalog, leadToCash } from './fixtures';
import { compileFlow, createFlowVersion, hashFlow, type Plan, preparePlan } from './index';

function plan(): Plan {
  const r = compileFlow(leadToCash(), catalog);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.plan;
}

describe('compileFlow', () => {
  it('orders steps topologically, records branch joins and nests for-each bodies', () => {
    const p = plan();
    expect(p.trigger).toEqual({ id: 'won', label: 'Deal won', config: { type: 'webhook', connector: 'streak@1', event: 'box.stageChanged', filter: 'trigger.box.stageKey == "5003"' } });
    expect(p.steps.map((s) => s.id)).toEqual(['keys', 'find', 'exists', 'create', 'size', 'approve', 'order', 'each', 'stage', 'tell']);
    expect(p.steps.find((s) => s.id === 'size')?.after).toEqual([
      { from: 'exists', port: 'true' },
      { from: 'create', port: 'out' },
    ]);
    const each = p.steps.find((s) => s.id === 'each');
    expect(each?.kind === 'forEach' && each.body.map((s) => [s.id, s.after])).toEqual([['pause', [{ from: 'each', port: 'each' }]]]);
    expect(p.steps.find((s) => s.id === 'stage')?.after).toEqual([{ from: 'each', port: 'done' }]);
  });

  it('resolves connector actions and keeps call settings', () => {
    const create = plan().steps.find((s) => s.id === 'create');
    expect(create).toMatchObject({
      kind: 'write',
      action: { ref: 'sage100@1', connector: 'sage100', version: '1', key: 'createCustomer', kind: 'write' },
      retry: { maxAttempts: 5, initialIntervalMs: 1000 },
    });
  });

  it('is plain JSON that survives a round trip', () => {
    const p = plan();
    expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('refuses an invalid graph with the problems', () => {
    const g = leadToCash();
    g.edges.pop();
    const r = compileFlow(g, catalog);
    expect(r).toEqual({ ok: false, problems: [{ nodeId: 'stage', severity: 'error', message: "node 'Move box to Ordered' cannot be reached from the trigger" }] });
    expect(compileFlow('nonsense', catalog).ok).toBe(false);
  });

  it('compiles with warnings when only warnings remain', () => {
    const g = leadToCash();
    (g.nodes.find((n) => n.id === 'exists')!.config as { expression: string }).expression = 'steps.find.fonud';
    const r = compileFlow(g, catalog);
    expect(r.ok && r.warnings).toEqual([expect.objectContaining({ nodeId: 'exists', severity: 'warning' })]);
  });
});

describe('flow versions', () => {
  it('hashes content, not key order or formatting', () => {
    const a = leadToCash();
    const b = JSON.parse(JSON.stringify(a, null, 2)) as typeof a;
    const reordered = { edges: a.edges, nodes: a.nodes.map((n) => Object.fromEntries(Object.entries(n).reverse())), schemaVersion: 1 as const };
    expect(hashFlow(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashFlow(reordered as typeof a)).toBe(hashFlow(a));
    expect(hashFlow(b)).toBe(hashFlow(a));
    const moved = leadToCash();
    moved.nodes[0]!.position.x = 1;
    expect(hashFlow(moved)).not.toBe(hashFlow(a));
  });

  it('creates an immutable version of graph + plan + hash', () => {
    const r = createFlowVersion(leadToCash(), catalog);
    if (!r.ok) throw new Error('expected a version');
    const v = r.version;
    expect(v.hash).toBe(hashFlow(leadToCash()));
    expect(v.plan).toEqual(plan());
    expect(Object.isFrozen(v) && Object.isFrozen(v.plan.steps[0]) && Object.isFrozen(v.graph.nodes[0]!.position)).toBe(true);
    expect(() => {
      (v.graph.nodes[0] as { label: string }).label = 'changed';
    }).toThrow(TypeError);
    expect(createFlowVersion({ schemaVersion: 1, nodes: [], edges: [] }, catalog).ok).toBe(false);
  });

  it('prepares a plan once: mappings and expressions compiled, ready to evaluate', () => {
    const prepared = preparePlan(plan());
    expect([...prepared.steps.keys()]).toContain('pause');
    const scope = { trigger: { box: { boxKey: 'bk', name: 'Acme Corp.', stageKey: '5003', fields: { '1005': 'A-1 x 2 @ 5' } } }, steps: {} };
    expect(evaluate(prepared.mapping('keys'), scope).value).toEqual({ ARDivisionNo: '01', CustomerNo: 'ACMECORP', Lines: [{ itemCode: 'A-1', quantity: 2, unitPrice: 5, amount: 10 }] });
    expect(evaluateExpression(prepared.expression('trigger.box.stageKey == "5003"'), scope)).toEqual({ ok: true, value: true });
    expect(() => prepared.mapping('exists')).toThrow("step 'exists' has no mapping");
    expect(() => prepared.expression('1 + 1')).toThrow('is not part of this plan');
  });
});
