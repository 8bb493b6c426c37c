// The connectors this build of Conduit can run. The interpreter refuses any step whose connector or
// action is not registered here (flows are data; they never name code to call).
import { ConnectorRegistry, type ConnectorDefinition } from '@conduit/connector-kit';
import { sage100Connector } from '@conduit/connector-sage100';
import { streakConnector } from '@conduit/connector-streak';

/** Registered connectors erase their auth type; openConnection re-parses auth with each one's own schema. */
export const CONNECTORS = [streakConnector, sage100Connector] as unknown as ConnectorDefinition<unknown>[];

export function createConnectorRegistry(): ConnectorRegistry {
  return new ConnectorRegistry(CONNECTORS);
}
