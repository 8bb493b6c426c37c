// The flow language's Catalog, built from the connector descriptions the server sends. Pure, so the
// browser validates as the user types and the server validates the same way before saving a version.
import type { ActionDescription, ConnectorDescription, TriggerDescription } from '@conduit/connector-kit';
import type { ActionInfo, Catalog, TriggerInfo } from '@conduit/flow';

/** Actions that only read (the ones a lookup node may call), by the verbs connectors use for reads. */
export const isReadAction = (key: string): boolean => /^(get|find|list|search|read)[A-Z]/.test(key);

export function findConnector(connectors: readonly ConnectorDescription[], ref: string): ConnectorDescription | undefined {
  return connectors.find((c) => `${c.id}@${c.version}` === ref);
}

export function findActionDescription(connectors: readonly ConnectorDescription[], ref: string, key: string): ActionDescription | undefined {
  return findConnector(connectors, ref)?.actions.find((a) => a.key === key);
}

export function findTriggerDescription(connectors: readonly ConnectorDescription[], ref: string, key: string): TriggerDescription | undefined {
  return findConnector(connectors, ref)?.triggers.find((t) => t.key === key);
}

export function requiredOf(schema: Record<string, unknown>): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((x): x is string => typeof x === 'string') : [];
}

export function catalogOf(connectors: readonly ConnectorDescription[]): Catalog {
  return {
    getAction(connector, version, key): ActionInfo | undefined {
      const a = findActionDescription(connectors, `${connector}@${version}`, key);
      return a && { kind: isReadAction(a.key) ? 'read' : 'write', inputSchema: a.input, outputSchema: a.output, requiredInputs: requiredOf(a.input) };
    },
    getTrigger(connector, version, key): TriggerInfo | undefined {
      const t = findTriggerDescription(connectors, `${connector}@${version}`, key);
      return t && { kind: t.modes.includes('webhook') ? 'webhook' : 'changeFeed', outputSchema: t.output };
    },
  };
}
