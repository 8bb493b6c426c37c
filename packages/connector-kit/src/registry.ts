// Holds the connectors this process knows, by `id@version`. The engine resolves flow steps through it
// and refuses anything not registered; the designer lists what can be placed on the canvas.
import type { ActionDefinition, ConnectorDefinition, TriggerDefinition } from './define';
import { PermanentError } from './errors';
import { findAction, findTrigger } from './connection';
import { type ConnectorDescription, describeConnector } from './describe';

/** Registered connectors erase their auth type; callers go through `openConnection` for typed auth. */
type AnyConnector = ConnectorDefinition<unknown>;

export interface ListedAction {
  connectorId: string;
  version: string;
  action: ActionDefinition<unknown>;
}

export interface ListedTrigger {
  connectorId: string;
  version: string;
  trigger: TriggerDefinition<unknown>;
}

export class ConnectorRegistry {
  readonly #byKey = new Map<string, AnyConnector>();

  constructor(connectors: AnyConnector[] = []) {
    for (const c of connectors) this.register(c);
  }

  register(connector: AnyConnector): this {
    const key = `${connector.id}@${connector.version}`;
    if (this.#byKey.has(key)) throw new Error(`connector ${key} is already registered`);
    this.#byKey.set(key, connector);
    return this;
  }

  get(connectorId: string, version: string): AnyConnector {
    const c = this.#byKey.get(`${connectorId}@${version}`);
    if (!c) throw new PermanentError('not_found', { subject: { type: 'connector', key: `${connectorId}@${version}` }, message: `connector ${connectorId}@${version} is not installed` });
    return c;
  }

  has(connectorId: string, version: string): boolean {
    return this.#byKey.has(`${connectorId}@${version}`);
  }

  list(): AnyConnector[] {
    return [...this.#byKey.values()];
  }

  getAction(connectorId: string, version: string, actionKey: string): ActionDefinition<unknown> {
    return findAction(this.get(connectorId, version), actionKey);
  }

  getTrigger(connectorId: string, version: string, triggerKey: string): TriggerDefinition<unknown> {
    return findTrigger(this.get(connectorId, version), triggerKey);
  }

  listActions(): ListedAction[] {
    return this.list().flatMap((c) => c.actions.map((action) => ({ connectorId: c.id, version: c.version, action })));
  }

  listTriggers(): ListedTrigger[] {
    return this.list().flatMap((c) => c.triggers.map((trigger) => ({ connectorId: c.id, version: c.version, trigger })));
  }

  describe(): ConnectorDescription[] {
    return this.list().map((c) => describeConnector(c));
  }
}
