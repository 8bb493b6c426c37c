// The connectors this build of Conduit can run. The interpreter refuses any step whose connector or
// action is not registered here (flows are data; they never name code to call).
import { ConnectorRegistry } from '@conduit/connector-kit';
import { streakConnector } from '@conduit/connector-streak';

export function createConnectorRegistry(): ConnectorRegistry {
  return new ConnectorRegistry([streakConnector as never]);
}
