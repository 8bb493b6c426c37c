// What every handler and domain function works with.
import type { FaultInjector } from '../http/faults';
import type { Store } from '../store/store';
import type { Dispatcher } from '../webhooks/dispatcher';

export interface Ctx {
  store: Store;
  hooks: Dispatcher;
  faults: FaultInjector;
}
