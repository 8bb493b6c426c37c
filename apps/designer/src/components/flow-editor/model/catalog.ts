// Lookups into the connector descriptions the server sends. The flow Catalog itself (validation's view
// of connectors) is @conduit/flow's catalogFromDescriptions, so browser and server validate alike.
import type { ActionDescription, ConnectorDescription, TriggerDescription } from '@conduit/connector-kit';

export function findConnector(connectors: readonly ConnectorDescription[], ref: string): ConnectorDescription | undefined {
  return connectors.find((c) => `${c.id}@${c.version}` === ref);
}

export function findActionDescription(connectors: readonly ConnectorDescription[], ref: string, key: string): ActionDescription | undefined {
  return findConnector(connectors, ref)?.actions.find((a) => a.key === key);
}

export function findTriggerDescription(connectors: readonly ConnectorDescription[], ref: string, key: string): TriggerDescription | undefined {
  return findConnector(connectors, ref)?.triggers.find((t) => t.key === key);
}
