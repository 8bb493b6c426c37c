// What each node's expressions can read, as types: `trigger` (the event), `env` (the environment's
// variables), `steps.<id>` for every node upstream, and inside a for-each body `steps.<forEachId>` = { item, index }. The engine must build
// the runtime scope the same way (see README, "Scope").
import { fromJsonSchema, inferMappingOutput, inferType, nonNull, T, type Type } from '@conduit/mapping';
import { type ActionInfo, type TriggerInfo } from './catalog';
import { reachableFrom } from './graph';
import { type FlowNode } from './schema';
import { type Structure } from './structure';

export interface Resolved {
  actions: Map<string, ActionInfo>;
  trigger?: TriggerInfo;
}

/** Output of each kind as the engine records it under `steps.<id>`. */
export const OUTPUT_TYPES = {
  condition: T.object({ result: T.boolean }, false),
  switch: T.object({ port: T.string }, false),
  approval: T.object({ approved: T.boolean, by: T.optional(T.string), comment: T.optional(T.string), decidedAt: T.number }, false),
  forEachDone: T.object({ count: T.number }, false),
  delay: T.object({ resumedAt: T.number }, false),
  notify: T.object({ sent: T.boolean }, false),
  schedule: T.object({ firedAt: T.number }, false),
};

export function scopeTypes(s: Structure, resolved: Resolved): Map<string, Type> {
  const ancestors = new Map<string, Set<string>>(s.order.map((id) => [id, new Set()]));
  for (const id of s.order) {
    for (const d of reachableFrom({ nodes: [...s.nodes.values()], edges: s.edges }, [id], { skipEdge: s.isLoopBack })) if (d !== id) ancestors.get(d)!.add(id);
  }
  const outputs = new Map<string, Type>();
  const items = new Map<string, Type>();
  const scopes = new Map<string, Type>();
  const triggerType = triggerOutput(s.trigger, resolved.trigger);
  for (const id of s.order) {
    const steps: Record<string, Type> = {};
    for (const a of ancestors.get(id)!) {
      steps[a] = s.bodies.get(a)?.has(id) ? T.object({ item: items.get(a) ?? T.any, index: T.number }, false) : (outputs.get(a) ?? T.any);
    }
    // `env` holds the environment's variables (approval threshold, price level...), set per environment.
    const scope = T.object({ trigger: triggerType, steps: T.object(steps, false), env: T.object({}, true) }, false);
    scopes.set(id, scope);
    const node = s.nodes.get(id)!;
    outputs.set(id, outputOf(node, scope, resolved, triggerType));
    if (node.kind === 'forEach') {
      const list = nonNull(inferType(node.config.items, scope).type);
      items.set(id, list.kind === 'array' ? list.items : T.any);
    }
  }
  return scopes;
}

function triggerOutput(node: FlowNode, info: TriggerInfo | undefined): Type {
  if (node.kind !== 'trigger') return T.any;
  const c = node.config;
  if (c.type === 'schedule') return OUTPUT_TYPES.schedule;
  if (c.type === 'manual') return c.payloadSchema ? fromJsonSchema(c.payloadSchema) : T.any;
  return info ? fromJsonSchema(info.outputSchema) : T.any;
}

function outputOf(node: FlowNode, scope: Type, resolved: Resolved, triggerType: Type): Type {
  switch (node.kind) {
    case 'trigger':
      return triggerType;
    case 'map':
      return inferMappingOutput(node.config.mapping, scope);
    case 'lookup':
    case 'write': {
      const action = resolved.actions.get(node.id);
      return action ? fromJsonSchema(action.outputSchema) : T.any;
    }
    case 'forEach':
      return OUTPUT_TYPES.forEachDone;
    default:
      return OUTPUT_TYPES[node.kind];
  }
}
