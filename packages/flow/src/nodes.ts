// Per-node rules: referenced actions and triggers exist in the catalog with the right kind, required
// inputs are mapped, expressions parse, mappings compile and their types fit the action's input.
import { checkMapping, fromJsonSchema, inferType, type MappingSpec, parseExpression, type Type, typecheckMapping } from '@conduit/mapping';
import { type ActionInfo, type Catalog, type TriggerInfo } from './catalog';
import { type Problem } from './problems';
import { type FlowNode, parseConnectorRef } from './schema';
import { type Resolved } from './scope';
import { expressionsOf } from './expressions';

type Report = (p: Omit<Problem, 'nodeId'>) => void;

/** Looks up every action and trigger; catalog failures become problems, never exceptions. */
export function resolve(nodes: readonly FlowNode[], catalog: Catalog, problems: Problem[]): Resolved {
  const resolved: Resolved = { actions: new Map() };
  for (const n of nodes) {
    const report: Report = (p) => problems.push({ nodeId: n.id, ...p });
    if (n.kind === 'lookup' || n.kind === 'write') {
      const action = ask(() => catalog.getAction(parseConnectorRef(n.config.connector).connector, parseConnectorRef(n.config.connector).version, n.config.action), report);
      const wanted = n.kind === 'lookup' ? 'read' : 'write';
      if (!action) report({ field: 'config.action', severity: 'error', message: `${n.config.connector} has no action '${n.config.action}'` });
      else if (action.kind !== wanted) report({ field: 'config.action', severity: 'error', message: `'${n.config.action}' is a ${action.kind} action; a ${n.kind} node needs a ${wanted} action` });
      else resolved.actions.set(n.id, action);
    }
    if (n.kind === 'trigger' && (n.config.type === 'webhook' || n.config.type === 'changeFeed')) {
      const key = n.config.type === 'webhook' ? n.config.event : n.config.feed;
      const { connector, version } = parseConnectorRef(n.config.connector);
      const trigger = ask(() => catalog.getTrigger(connector, version, key), report);
      if (!trigger) report({ field: n.config.type === 'webhook' ? 'config.event' : 'config.feed', severity: 'error', message: `${n.config.connector} has no ${n.config.type === 'webhook' ? 'event' : 'change feed'} '${key}'` });
      else if (trigger.kind !== n.config.type) report({ field: 'config.type', severity: 'error', message: `'${key}' is a ${trigger.kind} trigger, not a ${n.config.type}` });
      else resolved.trigger = trigger;
    }
  }
  return resolved;
}

function ask<T extends ActionInfo | TriggerInfo>(lookup: () => T | undefined, report: Report): T | undefined {
  try {
    return lookup();
  } catch (e) {
    report({ field: 'config', severity: 'error', message: `the connector catalog failed: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}

export function mappingOf(n: FlowNode): { field: string; spec: MappingSpec } | undefined {
  if (n.kind === 'map') return { field: 'config.mapping', spec: n.config.mapping };
  if (n.kind === 'lookup' || n.kind === 'write') return { field: 'config.inputs', spec: n.config.inputs };
  return undefined;
}

export function checkNode(n: FlowNode, scope: Type | undefined, resolved: Resolved, problems: Problem[]): void {
  const report: Report = (p) => problems.push({ nodeId: n.id, ...p });
  for (const { field, source } of expressionsOf(n.kind, n.config)) {
    const parsed = parseExpression(source);
    if (!parsed.ok) {
      report({ field, severity: 'error', message: `${parsed.error.message} (at character ${parsed.error.offset + 1})` });
      continue;
    }
    if (scope) for (const w of inferType(parsed.ast, scope).warnings) report({ field, severity: 'warning', message: `${w.message} (at character ${w.offset + 1})` });
  }
  if (n.kind === 'switch') {
    const seen = new Set<string>();
    n.config.cases.forEach((c, i) => {
      if (c.port === 'default' || seen.has(c.port)) report({ field: `config.cases.${i}.port`, severity: 'error', message: c.port === 'default' ? "'default' is the port for no match; name the case differently" : `two cases use the port '${c.port}'` });
      seen.add(c.port);
    });
  }
  const mapping = mappingOf(n);
  if (!mapping) return;
  const index = new Map(mapping.spec.fields.map((f, i) => [f.target, i]));
  const where = (target: string, part: string) => (index.has(target) ? `${mapping.field}.fields.${index.get(target)}.${part === 'spec' ? 'target' : part}` : mapping.field);
  const parseProblems = checkMapping(mapping.spec);
  for (const p of parseProblems) report({ field: p.field ? where(p.field, p.part) : mapping.field, severity: 'error', message: `${p.field ? `${p.field}: ` : ''}${p.message}${p.offset === undefined ? '' : ` (at character ${p.offset + 1})`}` });
  const action = resolved.actions.get(n.id);
  if (action) {
    for (const req of Array.isArray(action.requiredInputs) ? action.requiredInputs : []) {
      const mapped = mapping.spec.fields.some((f) => f.target === req || f.target.startsWith(`${req}.`) || f.target.startsWith(`${req}[]`));
      if (!mapped) report({ field: mapping.field, severity: 'error', message: `required input '${req}' is not mapped` });
    }
  }
  if (!scope || parseProblems.length) return;
  const target = action ? fromJsonSchema(action.inputSchema) : undefined;
  for (const p of typecheckMapping(mapping.spec, { scope, ...(target ? { target } : {}) })) {
    report({ field: where(p.field, p.part), severity: p.severity, message: `${p.field}: ${p.message}` });
  }
}
