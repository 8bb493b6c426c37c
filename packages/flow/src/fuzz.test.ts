// Property tests: whatever graph arrives (mutated real flows or random junk), validation and
// compilation never throw, and compileFlow succeeds exactly when validation finds no errors.
import { seededRandom, type Random } from '@conduit/mapping';
import { describe, expect, it } from 'vitest';
import { catalog, leadToCash } from './fixtures';
import { compileFlow, NODE_KINDS, preparePlan, validateFlow } from './index';

const JUNK: unknown[] = [null, 0, -1, 1e9, '', 'x', 'in', 'out', 'each', 'loop', 'true', '__proto__', 'constructor', [], {}, true, { fields: [] }, 'trigger.box.name', 'steps.find.found', '((', 'streak@1', 'getCustomer', NaN];

function mutate(r: Random, g: Record<string, unknown>): void {
  const nodes = g.nodes as Array<Record<string, unknown>>;
  const edges = g.edges as Array<Record<string, unknown>>;
  const ids = nodes.map((n) => n.id);
  switch (r.int(9)) {
    case 0:
      nodes.splice(r.int(nodes.length), 1);
      break;
    case 1:
      edges.splice(r.int(edges.length), 1);
      break;
    case 2:
      edges.push({ id: `r${r.int(1e6)}`, source: r.pick(ids), sourcePort: r.pick(['out', 'true', 'false', 'each', 'done', 'big', 'default', 'approved']), target: r.pick(ids), targetPort: r.pick(['in', 'loop']) });
      break;
    case 3: {
      const e = r.pick(edges);
      if (e) e[r.pick(['source', 'target', 'sourcePort', 'targetPort'])] = r.next() < 0.7 ? r.pick(ids) : r.pick(JUNK);
      break;
    }
    case 4: {
      const n = r.pick(nodes);
      if (n) n.kind = r.pick(NODE_KINDS);
      break;
    }
    case 5: {
      const n = r.pick(nodes);
      const c = n?.config as Record<string, unknown> | undefined;
      if (c) c[r.pick([...Object.keys(c), 'expression', 'items', 'inputs'])] = r.pick(JUNK);
      break;
    }
    case 6: {
      const n = r.pick(nodes);
      if (n) n.id = r.next() < 0.5 ? r.pick(ids) : r.pick(JUNK);
      break;
    }
    case 7:
      nodes.push(JSON.parse(JSON.stringify(r.pick(nodes) ?? {})) as Record<string, unknown>);
      break;
    default: {
      const n = r.pick(nodes);
      const inputs = (n?.config as { inputs?: { fields?: Array<Record<string, unknown>> } } | undefined)?.inputs?.fields;
      const f = inputs && r.pick(inputs);
      if (f) f[r.pick(['target', 'source', 'expression', 'when', 'default', 'transforms'])] = r.pick(JUNK);
    }
  }
}

describe('fuzzing the flow validator', () => {
  it('never throws on mutated flows, and compiles exactly the flows without errors', () => {
    const r = seededRandom(7);
    let compiled = 0;
    for (let i = 0; i < 600; i++) {
      const g = leadToCash() as unknown as Record<string, unknown>;
      for (let k = 0, n = 1 + r.int(4); k < n; k++) mutate(r, g);
      const problems = validateFlow(g, catalog);
      for (const p of problems) {
        expect(['error', 'warning']).toContain(p.severity);
        expect(p.message.length).toBeGreaterThan(3);
      }
      const result = compileFlow(g, catalog);
      expect(result.ok).toBe(!problems.some((p) => p.severity === 'error'));
      if (result.ok) {
        // A plan that compiled must load: every mapping and expression in it compiles.
        expect(() => preparePlan(result.plan)).not.toThrow();
        compiled++;
      }
    }
    expect(compiled).toBeGreaterThan(20);
  });

  it('never throws on random junk graphs', () => {
    const r = seededRandom(8);
    const value = (depth: number): unknown => (depth > 2 || r.next() < 0.5 ? r.pick(JUNK) : r.next() < 0.5 ? [value(depth + 1), value(depth + 1)] : { id: r.pick(JUNK), kind: r.pick([...NODE_KINDS, 'x']), config: value(depth + 1) });
    for (let i = 0; i < 500; i++) {
      const g = { schemaVersion: r.pick([1, 1, 2, null]), nodes: Array.from({ length: r.int(5) }, () => value(0)), edges: r.next() < 0.8 ? [] : value(0) };
      expect(() => validateFlow(g, catalog)).not.toThrow();
      expect(() => compileFlow(g, catalog)).not.toThrow();
    }
  });
});
