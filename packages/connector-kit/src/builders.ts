// defineConnector / defineAction / defineTrigger: identity functions for typing, plus the checks that
// catch a malformed declaration at import time instead of in a customer's flow.
import type { z } from 'zod';
import type { ActionDefinition, ConnectorDefinition, TriggerDefinition, UiHints } from './define';
import { type JsonSchema, jsonSchemaOf } from './describe';

/** Does a dotted input path (`externalRef.field`) exist in an object JSON Schema? */
function hasPath(schema: JsonSchema, path: string): boolean {
  let node: JsonSchema | undefined = schema;
  for (const segment of path.split('.')) {
    const props = node?.properties as Record<string, JsonSchema> | undefined;
    node = props?.[segment];
    if (!node) return false;
  }
  return true;
}

export function defineAction<TAuth = unknown, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType>(
  action: ActionDefinition<TAuth, I, O>,
): ActionDefinition<TAuth, I, O> {
  return action;
}

export function defineTrigger<TAuth = unknown, C extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType>(
  trigger: TriggerDefinition<TAuth, C, O>,
): TriggerDefinition<TAuth, C, O> {
  if (!trigger.webhook && !trigger.poll) throw new Error(`trigger ${trigger.key} needs a webhook or a poll handler`);
  return trigger;
}

/**
 * Binds the auth type once per connector so its action and trigger files get a typed `ctx.auth`:
 * `export const { defineAction, defineTrigger } = kitFor<StreakAuth>();`
 */
export function kitFor<TAuth>() {
  return {
    defineAction: <I extends z.ZodType, O extends z.ZodType>(a: ActionDefinition<TAuth, I, O>) => defineAction(a),
    defineTrigger: <C extends z.ZodType, O extends z.ZodType>(t: TriggerDefinition<TAuth, C, O>) => defineTrigger(t),
  };
}

const KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/;

export function defineConnector<TAuth>(connector: ConnectorDefinition<TAuth>): ConnectorDefinition<TAuth> {
  const where = `connector ${connector.id}@${connector.version}`;
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9-]*$/.test(connector.id)) problems.push(`id "${connector.id}" must be lower-case kebab`);
  const seen = new Set<string>();
  const checkUi = (owner: string, ui: UiHints | undefined, input: z.ZodType) => {
    const schema = jsonSchemaOf(input);
    for (const [path, hint] of Object.entries(ui?.fields ?? {})) {
      if (!hasPath(schema, path)) problems.push(`${owner}: UI hint for unknown input ${path}`);
      if (hint.picker && !connector.pickers?.[hint.picker.source]) problems.push(`${owner} input ${path} uses unknown picker "${hint.picker.source}"`);
      for (const dep of hint.picker?.dependsOn ?? []) if (!hasPath(schema, dep)) problems.push(`${owner} input ${path}: picker depends on unknown input ${dep}`);
    }
  };
  for (const item of [...connector.actions.map((a) => ({ kind: 'action', ...a })), ...connector.triggers.map((t) => ({ kind: 'trigger', ...t }))]) {
    const owner = `${item.kind} ${item.key}`;
    if (!KEY.test(item.key)) problems.push(`${owner}: key must be an identifier`);
    if (seen.has(item.key)) problems.push(`${owner}: duplicate key`);
    seen.add(item.key);
    const [input, output] = 'input' in item ? [item.input, item.output] : [item.config, item.output];
    try {
      jsonSchemaOf(output, 'output');
      checkUi(owner, item.ui, input);
    } catch (err) {
      problems.push(`${owner}: schema is not JSON-describable (${(err as Error).message})`);
    }
  }
  checkUi('auth', connector.auth.ui, connector.auth.schema);
  if (problems.length) throw new Error(`${where} is malformed:\n- ${problems.join('\n- ')}`);
  return connector;
}
