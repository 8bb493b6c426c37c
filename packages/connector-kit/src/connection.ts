// Runs a connector for one stored connection: parses auth once, owns the HTTP client (pool and rate
// limiter), and wraps every action, trigger, picker and discovery call with validation and typed errors.
// Keep one Connection per connection and reuse it; the engine and designer both call through here.
import type { ActionDefinition, AuthTestAccount, BaseContext, ConnectorDefinition, DiscoveredSchema, Json, PickerOption, TriggerDefinition, TriggerEvent, WebhookSubscription } from './define';
import { ConnectorError, PermanentError, toConnectorError } from './errors';
import { type HttpClient, createHttpClient } from './http/client';
import { type Logger, noopLogger } from './log';
import { checkOutput, parseOrThrow } from './validate';

export interface CallOptions {
  signal?: AbortSignal;
  log?: Logger;
  /** The engine passes Temporal's activity heartbeat here. */
  heartbeat?: (details?: Json) => void;
}

export type AuthTestResult =
  | { ok: true; account: AuthTestAccount }
  | { ok: false; reason: 'invalid_settings' | 'invalid_credentials' | 'unreachable' | 'unavailable' | 'host_blocked' | 'error'; message: string };

export interface Connection<TAuth = unknown> {
  readonly connector: ConnectorDefinition<TAuth>;
  readonly auth: TAuth;
  readonly http: HttpClient;
  runAction(actionKey: string, input: unknown, opts?: CallOptions & { idempotencyKey?: string }): Promise<unknown>;
  testAuth(opts?: CallOptions): Promise<AuthTestResult>;
  discover(params?: Record<string, unknown>, opts?: CallOptions): Promise<DiscoveredSchema>;
  loadPicker(source: string, params?: Record<string, unknown>, opts?: CallOptions): Promise<PickerOption[]>;
  subscribe(triggerKey: string, config: unknown, target: { targetUrl: string; token: string }, opts?: CallOptions): Promise<WebhookSubscription>;
  unsubscribe(triggerKey: string, config: unknown, subscription: WebhookSubscription, opts?: CallOptions): Promise<void>;
  poll(triggerKey: string, config: unknown, cursor: Json | null, opts?: CallOptions): Promise<{ events: TriggerEvent[]; cursor: Json }>;
  close(): Promise<void>;
}

export function findAction<TAuth>(c: ConnectorDefinition<TAuth>, key: string): ActionDefinition<TAuth> {
  const action = c.actions.find((a) => a.key === key);
  if (!action) throw new PermanentError('not_found', { connector: c.title, subject: { type: 'action', key }, message: `${c.title}: connector ${c.id}@${c.version} has no action "${key}"` });
  return action;
}

export function findTrigger<TAuth>(c: ConnectorDefinition<TAuth>, key: string): TriggerDefinition<TAuth> {
  const trigger = c.triggers.find((t) => t.key === key);
  if (!trigger) throw new PermanentError('not_found', { connector: c.title, subject: { type: 'trigger', key }, message: `${c.title}: connector ${c.id}@${c.version} has no trigger "${key}"` });
  return trigger;
}

/**
 * Opens a connection from stored (decrypted) auth settings. `connectionId` keys the rate limiter so
 * every Connection for the same stored connection in this process shares one bucket.
 */
export function openConnection<TAuth>(connector: ConnectorDefinition<TAuth>, rawAuth: unknown, opts: { connectionId?: string; log?: Logger } = {}): Connection<TAuth> {
  const name = connector.title;
  const auth = parseOrThrow(connector.auth.schema, rawAuth, { connector: name, what: 'connection settings', subject: { type: 'connection', key: opts.connectionId } });
  const http = createHttpClient({ ...connector.http(auth), log: opts.log, limiterKey: opts.connectionId ? `${connector.id}:${opts.connectionId}` : undefined });

  const context = (o: CallOptions = {}): BaseContext<TAuth> => {
    const signal = o.signal ?? new AbortController().signal;
    const log = o.log ?? opts.log ?? noopLogger;
    return { auth, http: http.withContext({ signal, log }), signal, log, heartbeat: o.heartbeat ?? (() => {}) };
  };
  // Everything leaving a connector is a ConnectorError; cancellation passes through untouched.
  const guarded = async <T>(o: CallOptions | undefined, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (o?.signal?.aborted && !(err instanceof ConnectorError)) throw err;
      throw toConnectorError(err, name);
    }
  };
  const triggerCall = (key: string, config: unknown) => {
    const trigger = findTrigger(connector, key);
    return { trigger, config: parseOrThrow(trigger.config, config, { connector: name, what: `trigger ${key} configuration` }) };
  };
  const webhookOf = (trigger: TriggerDefinition<TAuth>) => {
    if (!trigger.webhook) throw new PermanentError('validation', { connector: name, subject: { type: 'trigger', key: trigger.key }, message: `${name}: trigger ${trigger.key} has no webhook mode; poll it instead` });
    return trigger.webhook;
  };

  return {
    connector,
    auth,
    http,
    runAction: (actionKey, input, o = {}) =>
      guarded(o, async () => {
        const action = findAction(connector, actionKey);
        const parsed = parseOrThrow(action.input, input, { connector: name, what: `input of ${action.key}`, subject: { type: 'input' } });
        if (action.idempotent === 'key' && !o.idempotencyKey) {
          throw new PermanentError('validation', { connector: name, subject: { type: 'action', key: actionKey }, message: `${name}: action ${actionKey} needs an idempotency key` });
        }
        const out = await action.run({ ...context(o), input: parsed, ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}) });
        return checkOutput(action.output, out, { connector: name, what: `output of ${action.key}` });
      }),
    testAuth: async (o) => {
      try {
        return { ok: true, account: await connector.auth.test(context(o)) };
      } catch (err) {
        return authFailure(toConnectorError(err, name));
      }
    },
    discover: (params = {}, o) =>
      guarded(o, async () => {
        if (!connector.discover) throw new PermanentError('validation', { connector: name, message: `${name}: connector does not describe its entities` });
        return connector.discover({ ...context(o), params });
      }),
    loadPicker: (source, params = {}, o) =>
      guarded(o, async () => {
        const loader = connector.pickers?.[source];
        if (!loader) throw new PermanentError('not_found', { connector: name, subject: { type: 'picker', key: source }, message: `${name}: no picker "${source}"` });
        return loader({ ...context(o), params });
      }),
    subscribe: (key, config, target, o) =>
      guarded(o, async () => {
        const t = triggerCall(key, config);
        return webhookOf(t.trigger).subscribe({ ...context(o), config: t.config, ...target });
      }),
    unsubscribe: (key, config, subscription, o) =>
      guarded(o, async () => {
        const t = triggerCall(key, config);
        await webhookOf(t.trigger).unsubscribe({ ...context(o), config: t.config, subscription });
      }),
    poll: (key, config, cursor, o) =>
      guarded(o, async () => {
        const t = triggerCall(key, config);
        if (!t.trigger.poll) throw new PermanentError('validation', { connector: name, subject: { type: 'trigger', key }, message: `${name}: trigger ${key} cannot be polled` });
        const res = await t.trigger.poll.run({ ...context(o), config: t.config, cursor });
        return { events: res.events.map((e) => ({ eventKey: e.eventKey, payload: checkOutput(t.trigger.output, e.payload, { connector: name, what: `event of ${key}` }) })), cursor: res.cursor };
      }),
    close: () => http.close(),
  };
}

function authFailure(e: ConnectorError): AuthTestResult {
  const reason =
    e.type === 'PermanentError'
      ? ({ auth: 'invalid_credentials', host_blocked: 'host_blocked', validation: 'invalid_settings' } as const)[e.reason as 'auth'] ?? 'error'
      : e.type === 'RetryableError' && (e.reason === 'network' || e.reason === 'timeout')
        ? 'unreachable'
        : 'unavailable';
  return { ok: false, reason, message: e.message };
}

/** Tests stored or freshly typed settings without keeping a connection open (the designer's "Test" button). */
export async function testConnection<TAuth>(connector: ConnectorDefinition<TAuth>, rawAuth: unknown, opts: CallOptions = {}): Promise<AuthTestResult> {
  let conn: Connection<TAuth>;
  try {
    conn = openConnection(connector, rawAuth, { log: opts.log });
  } catch (err) {
    return { ok: false, reason: 'invalid_settings', message: toConnectorError(err, connector.title).message };
  }
  try {
    return await conn.testAuth(opts);
  } finally {
    await conn.close();
  }
}
