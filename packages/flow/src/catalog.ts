// What flow needs to know about connectors, without depending on connector code: the engine and the
// designer implement this from the connector registry.
import { type JsonSchema } from '@conduit/mapping';

export interface ActionInfo {
  kind: 'read' | 'write';
  /** JSON Schema of the action input (e.g. zod's toJSONSchema of the action's input). */
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  /** Top-level input fields a mapping must fill. */
  requiredInputs: string[];
}

export interface TriggerInfo {
  kind: 'webhook' | 'changeFeed';
  /** JSON Schema of the event payload the flow sees as `trigger`. */
  outputSchema: JsonSchema;
}

export interface Catalog {
  /** `connector` is the id ('streak'), `version` the major version ('1'), `key` the action key ('updateBox'). */
  getAction(connector: string, version: string, key: string): ActionInfo | undefined;
  /** `key` is the webhook event or change-feed name. */
  getTrigger(connector: string, version: string, key: string): TriggerInfo | undefined;
}
