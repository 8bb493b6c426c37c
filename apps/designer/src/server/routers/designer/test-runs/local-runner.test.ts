import { compileFlow, type Catalog } from '@conduit/flow';
import { describe, expect, it } from 'vitest';
import { runLocally } from './local-runner';
import type { TestRunProgress } from './progress';

const noConnectors: Catalog = { getAction: () => undefined, getTrigger: () => undefined };
const at = { x: 0, y: 0 };

function planOf() {
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: 't', kind: 'trigger', label: 'Start', position: at, config: { type: 'manual' } },
      { id: 'lines', kind: 'map', label: 'Lines', position: at, config: { mapping: { fields: [{ target: 'lines', source: 'trigger.products', transforms: [{ fn: 'parseLineItems' }] }] } } },
      { id: 'big', kind: 'condition', label: 'Big order?', position: at, config: { expression: 'count(steps.lines.lines) > 1' } },
      { id: 'yes', kind: 'map', label: 'Yes', position: at, config: { mapping: { fields: [{ target: 'n', expression: 'count(steps.lines.lines)' }] } } },
      { id: 'no', kind: 'map', label: 'No', position: at, config: { mapping: { fields: [{ target: 'n', default: 0 }] } } },
    ],
    edges: [
      { id: 'e1', source: 't', sourcePort: 'out', target: 'lines', targetPort: 'in' },
      { id: 'e2', source: 'lines', sourcePort: 'out', target: 'big', targetPort: 'in' },
      { id: 'e3', source: 'big', sourcePort: 'true', target: 'yes', targetPort: 'in' },
      { id: 'e4', source: 'big', sourcePort: 'false', target: 'no', targetPort: 'in' },
    ],
  };
  const compiled = compileFlow(graph, noConnectors);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return compiled.plan;
}

async function run(sample: unknown): Promise<TestRunProgress> {
  let last: TestRunProgress | undefined;
  await runLocally({ runId: 'r1', plan: planOf(), sample, actions: { run: () => Promise.reject(new Error('no connector steps in this plan')) }, report: (p) => (last = p) });
  return last!;
}

describe('the local test-run interpreter', () => {
  it('evaluates map steps and follows the branch the condition takes', async () => {
    const p = await run({ products: 'A-1 x 2 @ 5\nB-2 x 1' });
    expect(p.status).toBe('succeeded');
    const state = Object.fromEntries(p.steps.map((s) => [s.nodeId, s.state]));
    expect(state).toEqual({ t: 'succeeded', lines: 'succeeded', big: 'succeeded', yes: 'succeeded', no: 'skipped' });
    expect(p.steps.find((s) => s.nodeId === 'lines')!.output).toEqual({ lines: [{ itemCode: 'A-1', quantity: 2, unitPrice: 5, amount: 10 }, { itemCode: 'B-2', quantity: 1, unitPrice: null, amount: null }] });
    expect(p.steps.find((s) => s.nodeId === 'yes')!.output).toEqual({ n: 2 });
  });

  it('stops at a step whose mapping fails on the sample and says which field', async () => {
    const p = await run({ products: 'not an order line' });
    expect(p.status).toBe('failed');
    const lines = p.steps.find((s) => s.nodeId === 'lines')!;
    expect(lines.state).toBe('failed');
    expect(lines.note).toMatch(/^lines: parseLineItems: line 1/);
    expect(p.steps.map((s) => s.nodeId)).not.toContain('big');
  });
});
