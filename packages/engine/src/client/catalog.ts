// The connector catalog flows are validated and compiled against outside the designer (the demo installer,
// tools): the connectors this build runs, described as JSON like the designer's copy.
import { type Catalog, catalogFromDescriptions, type DescribedConnector } from '@conduit/flow';
import { createConnectorRegistry } from '../registry';

let catalog: Catalog | undefined;

export function connectorCatalog(): Catalog {
  // JSON round trip: the same plain schemas the designer validates with in the browser.
  catalog ??= catalogFromDescriptions(JSON.parse(JSON.stringify(createConnectorRegistry().describe())) as DescribedConnector[]);
  return catalog;
}
