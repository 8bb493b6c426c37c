// JSON descriptions of connectors for the designer: forms, mapping-editor schemas, idempotency flags.
import { z } from 'zod';
import type { ConnectorDefinition, UiHints } from './define';

export type JsonSchema = Record<string, unknown>;

/** JSON Schema of what a caller may send (zod input side), as the designer's forms need it. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  return z.toJSONSchema(schema, { io, unrepresentable: 'throw', target: 'draft-2020-12' }) as JsonSchema;
}

export interface ActionDescription {
  key: string;
  title: string;
  description: string;
  idempotent: boolean | 'key';
  input: JsonSchema;
  output: JsonSchema;
  ui: UiHints;
}

export interface TriggerDescription {
  key: string;
  title: string;
  description: string;
  modes: Array<'webhook' | 'poll'>;
  config: JsonSchema;
  output: JsonSchema;
  ui: UiHints;
}

export interface ConnectorDescription {
  id: string;
  version: string;
  title: string;
  description?: string;
  auth: { schema: JsonSchema; ui: UiHints };
  actions: ActionDescription[];
  triggers: TriggerDescription[];
  pickers: string[];
  discovers: boolean;
}

/** A plain-JSON description of a connector: everything the designer renders, nothing executable. */
export function describeConnector<TAuth>(c: ConnectorDefinition<TAuth>): ConnectorDescription {
  return {
    id: c.id,
    version: c.version,
    title: c.title,
    ...(c.description ? { description: c.description } : {}),
    auth: { schema: jsonSchemaOf(c.auth.schema), ui: c.auth.ui ?? {} },
    actions: c.actions.map((a) => ({
      key: a.key, title: a.title, description: a.description, idempotent: a.idempotent,
      input: jsonSchemaOf(a.input), output: jsonSchemaOf(a.output, 'output'), ui: a.ui ?? {},
    })),
    triggers: c.triggers.map((t) => ({
      key: t.key, title: t.title, description: t.description,
      modes: [...(t.webhook ? (['webhook'] as const) : []), ...(t.poll ? (['poll'] as const) : [])],
      config: jsonSchemaOf(t.config), output: jsonSchemaOf(t.output, 'output'), ui: t.ui ?? {},
    })),
    pickers: Object.keys(c.pickers ?? {}),
    discovers: c.discover !== undefined,
  };
}
