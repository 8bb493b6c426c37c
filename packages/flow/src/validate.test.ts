import { describe, expect, it } from 'vitest';
import { catalog, leadToCash } from './fixtures';
import { typeToString } from '@conduit/mapping';
import { type Catalog, type FlowGraph, type FlowNode, type Problem, scopeTypesOf, validateFlow } from './index';

type Edit = (g: FlowGraph) => void;
const node = (g: FlowGraph, id: string): FlowNode => g.nodes.find((n) => n.id === id)!;
const config = (g: FlowGraph, id: string) => node(g, id).config as Record<string, unknown>;
function problemsAfter(edit: Edit, cat: Catalog = catalog): Problem[] {
  const g = leadToCash();
  edit(g);
  return validateFlow(g, cat);
}
const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');

describe('validateFlow', () => {
  it('accepts the lead-to-cash flow without problems', () => {
    expect(validateFlow(leadToCash(), catalog)).toEqual([]);
  });

  it('locates schema errors by node id and field', () => {
    expect(problemsAfter((g) => (config(g, 'create').retry = { maxAttempts: 0 }))).toEqual([
      { nodeId: 'create', field: 'config.retry.maxAttempts', severity: 'error', message: expect.stringContaining('>=1') },
    ]);
    expect(problemsAfter((g) => (config(g, 'find').connector = 'Sage 100'))).toEqual([
      { nodeId: 'find', field: 'config.connector', severity: 'error', message: "a connector reference looks like 'streak@1'" },
    ]);
    expect(problemsAfter((g) => ((node(g, 'pause') as { kind: string }).kind = 'sleep'))[0]).toMatchObject({ nodeId: 'pause', field: 'kind', severity: 'error' });
    expect(problemsAfter((g) => (g.edges[0]!.sourcePort = 'not a port!'))[0]).toMatchObject({ edgeId: 'e1', field: 'sourcePort' });
    expect(validateFlow({ schemaVersion: 2, nodes: [], edges: [] }, catalog)[0]).toMatchObject({ field: 'schemaVersion', severity: 'error' });
    for (const junk of [null, 42, 'flow', [], {}, { nodes: [{}], edges: 'x' }]) expect(validateFlow(junk, catalog).length).toBeGreaterThan(0);
    expect(validateFlow({ schemaVersion: 1, nodes: [{ kind: 'map' }], edges: [] }, catalog)[0]?.message).toMatch(/^nodes\[0\]\./);
  });

  it('requires exactly one trigger and unique ids', () => {
    expect(problemsAfter((g) => (g.nodes = g.nodes.filter((n) => n.kind !== 'trigger')))).toContainEqual({ severity: 'error', message: 'the flow needs a trigger node' });
    expect(problemsAfter((g) => g.nodes.push({ ...node(g, 'won'), id: 'won2' }))).toContainEqual({ nodeId: 'won2', field: 'kind', severity: 'error', message: "a flow has exactly one trigger; 'won' is already the trigger" });
    expect(problemsAfter((g) => (node(g, 'tell').id = 'pause'))).toContainEqual({ nodeId: 'pause', field: 'id', severity: 'error', message: "node id 'pause' is used by more than one node" });
    expect(problemsAfter((g) => (g.edges[1]!.id = 'e1'))).toContainEqual({ edgeId: 'e1', field: 'id', severity: 'error', message: "edge id 'e1' is used by more than one edge" });
  });

  it('checks edges: ends exist, ports exist, nothing enters the trigger', () => {
    expect(problemsAfter((g) => (g.edges[0]!.target = 'ghost'))).toContainEqual({ edgeId: 'e1', field: 'target', severity: 'error', message: "edge ends at node 'ghost', which does not exist" });
    expect(problemsAfter((g) => (g.edges[3]!.sourcePort = 'maybe'))).toContainEqual({ edgeId: 'e4', field: 'sourcePort', severity: 'error', message: "node 'exists' (condition) has no output port 'maybe' (it has: true, false)" });
    expect(problemsAfter((g) => g.edges.push({ id: 'back', source: 'keys', sourcePort: 'out', target: 'won', targetPort: 'in' }))).toContainEqual({ edgeId: 'back', field: 'targetPort', severity: 'error', message: "nothing can lead into the trigger 'won'" });
    expect(problemsAfter((g) => g.edges.push({ id: 'self', source: 'keys', sourcePort: 'out', target: 'keys', targetPort: 'in' }))).toContainEqual({ edgeId: 'self', field: 'target', severity: 'error', message: "edge connects node 'keys' to itself" });
  });

  it('rejects cycles outside for-each and names the nodes in them', () => {
    const ps = problemsAfter((g) => g.edges.push({ id: 'back', source: 'order', sourcePort: 'out', target: 'find', targetPort: 'in' }));
    expect(errors(ps).map((p) => p.nodeId).sort()).toEqual(['exists', 'find', 'order', 'size', 'create', 'approve'].sort());
    expect(ps[0]?.message).toMatch(/^node is part of a cycle \(.* → .*\); only a for-each body may loop back/);
  });

  it('reports nodes the trigger cannot reach', () => {
    expect(problemsAfter((g) => (g.edges = g.edges.filter((e) => e.id !== 'e14')))).toContainEqual({ nodeId: 'stage', severity: 'error', message: "node 'Move box to Ordered' cannot be reached from the trigger" });
  });

  it('keeps for-each bodies closed: loop back only from inside, no entry from outside, not both inside and after', () => {
    expect(problemsAfter((g) => g.edges.push({ id: 'x', source: 'tell', sourcePort: 'out', target: 'each', targetPort: 'loop' }))).toContainEqual({
      edgeId: 'x',
      field: 'target',
      severity: 'error',
      message: "only nodes directly inside for-each 'each' can connect back to its 'loop' port",
    });
    expect(problemsAfter((g) => g.edges.push({ id: 'x', source: 'tell', sourcePort: 'out', target: 'pause', targetPort: 'in' }))).toContainEqual({
      edgeId: 'x',
      nodeId: 'pause',
      severity: 'error',
      message: "edge enters the body of for-each 'each' from outside it; connect through the for-each's 'each' port",
    });
    expect(problemsAfter((g) => g.edges.push({ id: 'x', source: 'pause', sourcePort: 'out', target: 'stage', targetPort: 'in' }))).toContainEqual({
      nodeId: 'stage',
      severity: 'error',
      message: "node is both inside the for-each 'each' (its 'each' port) and after it (its 'done' port)",
    });
  });

  it('checks actions and triggers against the catalog', () => {
    expect(problemsAfter((g) => (config(g, 'find').action = 'getCustomr'))).toContainEqual({ nodeId: 'find', field: 'config.action', severity: 'error', message: "sage100@1 has no action 'getCustomr'" });
    expect(problemsAfter((g) => (config(g, 'find').connector = 'sage100@2'))).toContainEqual({ nodeId: 'find', field: 'config.action', severity: 'error', message: "sage100@2 has no action 'getCustomer'" });
    expect(problemsAfter((g) => (config(g, 'find').action = 'createCustomer'))).toContainEqual({ nodeId: 'find', field: 'config.action', severity: 'error', message: "'createCustomer' is a write action; a lookup node needs a read action" });
    expect(problemsAfter((g) => (config(g, 'won').event = 'box.deleted'))).toContainEqual({ nodeId: 'won', field: 'config.event', severity: 'error', message: "streak@1 has no event 'box.deleted'" });
    expect(problemsAfter((g) => (node(g, 'won').config = { type: 'changeFeed', connector: 'streak@1', feed: 'box.stageChanged' }))).toContainEqual({
      nodeId: 'won',
      field: 'config.type',
      severity: 'error',
      message: "'box.stageChanged' is a webhook trigger, not a changeFeed",
    });
    const broken: Catalog = { getAction: () => { throw new Error('registry offline'); }, getTrigger: catalog.getTrigger };
    expect(problemsAfter(() => undefined, broken)).toContainEqual({ nodeId: 'find', field: 'config', severity: 'error', message: 'the connector catalog failed: registry offline' });
  });

  it('requires the action\'s required inputs to be mapped', () => {
    const ps = problemsAfter((g) => {
      const inputs = config(g, 'create').inputs as { fields: Array<{ target: string }> };
      inputs.fields = inputs.fields.filter((f) => f.target !== 'CustomerName');
    });
    expect(ps).toEqual([{ nodeId: 'create', field: 'config.inputs', severity: 'error', message: "required input 'CustomerName' is not mapped" }]);
  });

  it('reports mapping and expression errors at their field, with the character', () => {
    expect(problemsAfter((g) => (config(g, 'exists').expression = 'steps.find.found ==='))).toEqual([
      { nodeId: 'exists', field: 'config.expression', severity: 'error', message: 'the expression ended too early (at character 21)' },
    ]);
    expect(problemsAfter((g) => (config(g, 'approve').message = 'trigger.constructor.constructor("return process")()'))).toEqual([
      { nodeId: 'approve', field: 'config.message', severity: 'error', message: "property 'constructor' is not accessible: expressions read only plain data (at character 9)" },
    ]);
    const ps = problemsAfter((g) => {
      const inputs = config(g, 'order').inputs as { fields: Array<Record<string, unknown>> };
      inputs.fields[2]!.transforms = [{ fn: 'toSageDat' }];
    });
    expect(ps).toEqual([{ nodeId: 'order', field: 'config.inputs.fields.2.transforms', severity: 'error', message: "OrderDate: transform 1: unknown function 'toSageDat'" }]);
  });

  it('checks types: mapping values against action inputs, paths against upstream outputs', () => {
    const mismatch = problemsAfter((g) => {
      const inputs = config(g, 'create').inputs as { fields: Array<Record<string, unknown>> };
      inputs.fields.push({ target: 'CreditLimit', source: 'steps.find.found' });
    });
    expect(mismatch).toEqual([{ nodeId: 'create', field: 'config.inputs.fields.4.target', severity: 'error', message: 'CreditLimit: number expected, but the mapping gives boolean' }]);
    const notUpstream = problemsAfter((g) => (config(g, 'exists').expression = 'steps.stage.key != null'));
    expect(notUpstream).toEqual([{ nodeId: 'exists', field: 'config.expression', severity: 'warning', message: expect.stringMatching(/^there is no field 'stage' in \{ won: .*\(at character 7\)$/) }]);
    const typo = problemsAfter((g) => (config(g, 'exists').expression = 'steps.find.fonud'));
    expect(typo[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining("there is no field 'fonud'") });
    const extra = problemsAfter((g) => (config(g, 'stage').inputs = { fields: [{ target: 'boxKey', source: 'trigger.box.boxKey' }, { target: 'stageKy', default: '5004' }] }));
    expect(extra).toEqual([{ nodeId: 'stage', field: 'config.inputs.fields.1.target', severity: 'warning', message: "stageKy: the target has no field 'stageKy'" }]);
  });

  it('types for-each items inside the body', () => {
    const g = leadToCash();
    g.nodes.push({ id: 'line', kind: 'map', label: 'Line', position: { x: 0, y: 0 }, config: { mapping: { fields: [{ target: 'code', source: 'steps.each.item.itemCode' }, { target: 'bad', source: 'steps.each.item.sku' }] } } });
    g.edges = g.edges.filter((e) => e.id !== 'e13');
    g.edges.push({ id: 'l1', source: 'pause', sourcePort: 'out', target: 'line', targetPort: 'in' }, { id: 'l2', source: 'line', sourcePort: 'out', target: 'each', targetPort: 'loop' });
    expect(validateFlow(g, catalog)).toEqual([{ nodeId: 'line', field: 'config.mapping.fields.1.source', severity: 'warning', message: expect.stringContaining("bad: there is no field 'sku'") }]);
  });

  it('checks switch ports', () => {
    expect(problemsAfter((g) => (config(g, 'size').cases = [{ port: 'big', when: 'true' }, { port: 'big', when: 'false' }, { port: 'default', when: 'true' }]))).toEqual([
      { nodeId: 'size', field: 'config.cases.1.port', severity: 'error', message: "two cases use the port 'big'" },
      { nodeId: 'size', field: 'config.cases.2.port', severity: 'error', message: "'default' is the port for no match; name the case differently" },
    ]);
  });

  it('tells the designer what each node can read', () => {
    const scopes = scopeTypesOf(leadToCash(), catalog);
    const steps = (id: string) => {
      const t = scopes.get(id);
      return t?.kind === 'object' && t.props.steps?.kind === 'object' ? Object.keys(t.props.steps.props) : [];
    };
    expect(steps('keys')).toEqual(['won']);
    expect(steps('order').sort()).toEqual(['approve', 'create', 'exists', 'find', 'keys', 'size', 'won']);
    const pause = scopes.get('pause');
    const each = pause?.kind === 'object' && pause.props.steps?.kind === 'object' ? pause.props.steps.props.each : undefined;
    expect(each && typeToString(each)).toBe('{ item: { itemCode: string; quantity: number; unitPrice: number | null; amount: number | null }; index: number }');
    expect(scopeTypesOf({ nope: 1 }, catalog).size).toBe(0);
  });
});
