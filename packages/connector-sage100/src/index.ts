// Public surface of the Sage 100 connector.
export { sage100Connector } from './connector';
export { sage100AuthSchema, type Sage100Auth } from './auth';
export type { SageWarning } from './api/gateway';
