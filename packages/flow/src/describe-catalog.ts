// A Catalog built from connectors' JSON descriptions (connector-kit's describeConnector output), typed
// structurally so flow needs no connector code. Pure: the browser validates with it as the user types,
// the server before saving a version, the engine's tools before deploying.
import type { JsonSchema } from '@conduit/mapping';
import type { ActionInfo, Catalog, TriggerInfo } from './catalog';

export interface DescribedConnector {
  id: string;
  version: string;
  actions: ReadonlyArray<{ key: string; input: JsonSchema; output: JsonSchema }>;
  triggers: ReadonlyArray<{ key: string; modes: ReadonlyArray<'webhook' | 'poll'>; output: JsonSchema }>;
}

/** Actions that only read (the ones a lookup node may call), by the verbs connectors use for reads. */
export const isReadAction = (key: string): boolean => /^(get|find|list|search|read)[A-Z]/.test(key);

export function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((x): x is string => typeof x === 'string') : [];
}

export function catalogFromDescriptions(connectors: readonly DescribedConnector[]): Catalog {
  const find = (connector: string, version: string) => connectors.find((c) => c.id === connector && c.version === version);
  return {
    getAction(connector, version, key): ActionInfo | undefined {
      const a = find(connector, version)?.actions.find((x) => x.key === key);
      return a && { kind: isReadAction(a.key) ? 'read' : 'write', inputSchema: a.input, outputSchema: a.output, requiredInputs: requiredOf(a.input) };
    },
    getTrigger(connector, version, key): TriggerInfo | undefined {
      const t = find(connector, version)?.triggers.find((x) => x.key === key);
      return t && { kind: t.modes.includes('webhook') ? 'webhook' : 'changeFeed', outputSchema: t.output };
    },
  };
}
