// Fuzzing with a bounded count and time per target (a few thousand cases in CI; ≥ 100k and ≤ 60 s each in the
// full form): the webhook parser and the ingress route, the flow validator/compiler and the mapping
// parser/evaluator. No input may crash them, produce a 5xx, or be refused without a clear message.
import { parseStreakDelivery, streakEventKey, STREAK_EVENTS } from '@conduit/engine/client';
import { compileFlow, catalogFromDescriptions, NODE_KINDS, validateFlow, type Catalog } from '@conduit/flow';
import { compileExpression, evaluateExpression, FUNCTIONS, parseExpression, type Random } from '@conduit/mapping';
import { TEMPLATES } from '@conduit/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOperateTest, type OperateTest } from './designer';
import { suite } from './env';
import { fuzz, jsonValue, soup } from './fuzz';
import { deliver, endpointOf, type Endpoint } from './hooks';

const timeout = suite.fuzzBudgetMs + 60_000;

const JSON_ATOMS = ['[', ']', '{', '}', ',', ':', '"boxKey"', '"stageKey"', '"__proto__"', '"constructor"', '"x"', '1', '-0', '1e999', 'null', 'true', '"\\u0000"', '"\\ud800"', '"', '\\', ' ', '\n', '[{', '}]', '[{"boxKey":"b"}]', 'NaN', '0x10', "'a'", '\u00ef\u00bb\u00bf'];

function body(r: Random): string {
  switch (r.int(4)) {
    case 0:
      return soup(r, JSON_ATOMS, 30);
    case 1:
      return JSON.stringify(Array.from({ length: r.int(4) }, () => jsonValue(r)));
    case 2: {
      const n = 1 + r.int(200);
      return `[{"boxKey":"b","x":${'['.repeat(n)}${']'.repeat(n)}}]`;
    }
    default:
      return JSON.stringify(jsonValue(r));
  }
}

describe('fuzzing', () => {
  it('the webhook parser and event keys: every body parses or is refused with a message', { timeout }, async () => {
    const r = await fuzz('webhook parser', 101, (r) => {
      const parsed = parseStreakDelivery(body(r));
      if (!parsed.ok) {
        expect(parsed.message).toMatch(/^The body /);
        return;
      }
      for (const o of parsed.objects) expect(typeof streakEventKey(r.pick(STREAK_EVENTS), o)).toBe('string');
    });
    expect(r.cases).toBeGreaterThan(0);
  });

  it('the flow validator and compiler: mutated templates and junk never throw, and compile iff valid', { timeout }, async () => {
    const { connectorDescriptions } = await import('@conduit/designer/src/server/routers/designer/catalog/connectors');
    const catalog: Catalog = catalogFromDescriptions(connectorDescriptions());
    const JUNK: unknown[] = [null, 0, -1, '', 'x', 'in', 'out', 'loop', '__proto__', 'constructor', [], {}, true, 'trigger.box.name', '((', 'streak@1', NaN];
    const r = await fuzz('flow validator', 102, (r) => {
      const graph = JSON.parse(JSON.stringify(r.pick(TEMPLATES).graph)) as { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
      for (let k = 0, n = 1 + r.int(5); k < n; k++) {
        const node = r.pick(graph.nodes);
        const edge = r.pick(graph.edges);
        switch (r.int(6)) {
          case 0: graph.nodes.splice(r.int(graph.nodes.length), 1); break;
          case 1: if (edge) edge[r.pick(['source', 'target', 'sourcePort', 'targetPort'])] = r.next() < 0.5 ? r.pick(graph.nodes)?.id : r.pick(JUNK); break;
          case 2: if (node) node.kind = r.next() < 0.8 ? r.pick(NODE_KINDS) : r.pick(JUNK); break;
          case 3: if (node) node.config = r.next() < 0.5 ? jsonValue(r) : { ...(node.config as object), [r.pick(['expression', 'inputs', 'items', 'action', 'connection'])]: jsonValue(r) }; break;
          case 4: graph.edges.push({ id: `f${r.int(1e6)}`, source: r.pick(graph.nodes)?.id, sourcePort: r.pick(['out', 'true', 'false', 'each', 'approved']), target: r.pick(graph.nodes)?.id, targetPort: 'in' }); break;
          default: graph.nodes.push(JSON.parse(JSON.stringify(node ?? jsonValue(r))) as Record<string, unknown>);
        }
      }
      const input = r.next() < 0.1 ? jsonValue(r) : graph;
      const problems = validateFlow(input, catalog);
      for (const p of problems) expect(p.message.length).toBeGreaterThan(3);
      expect(compileFlow(input, catalog).ok).toBe(!problems.some((p) => p.severity === 'error'));
    });
    expect(r.cases).toBeGreaterThan(0);
  });

  it('the mapping parser and evaluator: every expression evaluates to plain data or a clear error', { timeout }, async () => {
    const NAMES = FUNCTIONS.map((f) => f.name);
    const ATOMS = ['trigger', 'box', 'fields', '.', '[', ']', '[]', '(', ')', ',', '"a"', "'b'", '1', '2.5', '-', '+', '*', '/', '%', '==', '<', '&&', '||', '??', '!', '?', ':', '{', '}', 'null', 'true', '$now', '$item', 'constructor', '__proto__', 'process', 'this', '{{', '}}', '`', '=>', '\\', '"\\u0063onstructor"', ...NAMES.map((n) => `${n}(`)];
    const plain = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) ? v.every(plain) : typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(plain));
    const r = await fuzz('mapping language', 103, (r) => {
      const src = soup(r, ATOMS, 20);
      const parsed = parseExpression(src);
      if (!parsed.ok) {
        expect(parsed.error.message.length).toBeGreaterThan(5);
        return;
      }
      const out = evaluateExpression(compileExpression(src), { trigger: jsonValue(r), box: jsonValue(r) }, { now: 0 });
      if (out.ok) expect(plain(out.value)).toBe(true);
      else expect(out.error).not.toMatch(/is not a function|Cannot read properties|undefined is not|Maximum call stack/);
    });
    expect(r.cases).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('fuzzing the ingress route (real handler, real database)', () => {
  let t: OperateTest;
  let dev: Endpoint;
  beforeAll(async () => {
    t = await setupOperateTest();
    dev = await endpointOf(t, t.env.dev);
  });
  afterAll(() => t?.close());

  it('answers every request with 200 or a 4xx that says why, never a 5xx', { timeout }, async () => {
    const TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', '', 'application/x-www-form-urlencoded', 'APPLICATION/JSON'];
    const statuses = new Map<number, number>();
    const r = await fuzz('ingress route', 104, async (r) => {
      const res = await deliver(dev, {
        token: r.pick([dev.token, dev.token, dev.token, null, '', 'x', `${dev.token} `]),
        event: r.pick([...STREAK_EVENTS.slice(0, 4), 'BOX_CHANGE_STAGE', null, '', '__proto__', 'box_create']),
        body: body(r),
        headers: { 'content-type': r.pick(TYPES), 'x-forwarded-for': r.pick(['198.51.100.1', 'garbage', '::1, 10.0.0.1', '']) },
        ...(r.next() < 0.05 ? { endpoint: { endpointId: r.pick(['', 'x', '..', '%00']) } } : {}),
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status === 200 || (res.status >= 400 && res.status < 500), `${res.status} ${res.body.message}`).toBe(true);
      if (res.status !== 200) expect(res.body).toMatchObject({ ok: false, message: expect.stringMatching(/\w{3,}/) });
    });
    console.log(`ingress route statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(r.cases).toBeGreaterThan(0);
  });
});
