// The shape of a connector: what a connector author writes and what the designer and engine read.
// Edit when the designer or engine needs a new kind of declaration; keep everything JSON-describable.
import type { z } from 'zod';
import type { HttpClient, HttpClientOptions } from './http/client';
import type { Logger } from './log';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface BaseContext<TAuth> {
  auth: TAuth;
  /** Guarded client already configured for this connection (base URL, credentials, limits). */
  http: HttpClient;
  signal: AbortSignal;
  log: Logger;
  /** Reports progress (e.g. a pagination cursor) so a long activity is not presumed dead; no-op outside an activity. */
  heartbeat(details?: Json): void;
}

export interface ActionContext<TAuth, TInput> extends BaseContext<TAuth> {
  input: TInput;
  /** Stable across retries of one step; present when the engine runs a write step. */
  idempotencyKey?: string;
}

/** Where a dynamic picker gets its options: a loader in `connector.pickers`, fed the inputs it depends on. */
export interface PickerHint {
  source: string;
  dependsOn?: string[];
}

export interface FieldHint {
  label?: string;
  help?: string;
  placeholder?: string;
  widget?: 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'email' | 'password' | 'json' | 'field-map';
  picker?: PickerHint;
  /** Hidden behind "more options" in the inspector. */
  advanced?: boolean;
}

/** Hints for the generated form; keys are input paths (`pipelineKey`, `externalRef.field`). */
export interface UiHints {
  fields?: Record<string, FieldHint>;
  order?: string[];
}

export interface ActionDefinition<TAuth = unknown, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  key: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** true: safe to repeat; false: repeating may duplicate; 'key': safe given the engine's idempotency key. */
  idempotent: boolean | 'key';
  ui?: UiHints;
  run(ctx: ActionContext<TAuth, z.output<I>>): Promise<z.input<O>>;
}

export interface TriggerEvent<T = unknown> {
  /** Dedupe key: the same remote change always yields the same key. */
  eventKey: string;
  payload: T;
}

/** What the engine stores after subscribing (JSON), and passes back to unsubscribe/verify. */
export interface WebhookSubscription {
  id: string;
  state?: Json;
}

export interface WebhookDelivery {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface TriggerContext<TAuth, TConfig> extends BaseContext<TAuth> {
  config: TConfig;
}

export interface WebhookHandlers<TAuth, TConfig, TOut> {
  subscribe(ctx: TriggerContext<TAuth, TConfig> & { targetUrl: string; token: string }): Promise<WebhookSubscription>;
  /** Must succeed when the remote subscription is already gone. */
  unsubscribe(ctx: TriggerContext<TAuth, TConfig> & { subscription: WebhookSubscription }): Promise<void>;
  /** Authenticates a delivery without I/O (runs in the webhook ingress). */
  verify(delivery: WebhookDelivery, ctx: { token: string; subscription: WebhookSubscription }): boolean;
  /** Turns a verified delivery body into events. */
  events(ctx: { config: TConfig; body: unknown }): TriggerEvent<TOut>[];
}

export interface PollHandler<TAuth, TConfig, TOut> {
  /** `cursor` is null on the first poll; return the cursor for the next one (JSON). */
  run(ctx: TriggerContext<TAuth, TConfig> & { cursor: Json | null }): Promise<{ events: TriggerEvent<TOut>[]; cursor: Json }>;
}

export interface TriggerDefinition<TAuth = unknown, C extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  key: string;
  title: string;
  description: string;
  config: C;
  output: O;
  ui?: UiHints;
  webhook?: WebhookHandlers<TAuth, z.output<C>, z.input<O>>;
  /** Polling fallback, for when webhooks cannot reach this deployment. */
  poll?: PollHandler<TAuth, z.output<C>, z.input<O>>;
}

export interface PickerOption {
  value: string;
  label: string;
  group?: string;
}

// Method-shaped so a connector with a concrete auth type still fits a registry of ConnectorDefinition<unknown>.
export type PickerLoader<TAuth> = { load(ctx: PickerContext<TAuth>): Promise<PickerOption[]> }['load'];

export interface PickerContext<TAuth> extends BaseContext<TAuth> {
  /** Current values of the inputs the picker depends on. */
  params: Record<string, unknown>;
}

export type DiscoveredFieldType = 'string' | 'number' | 'boolean' | 'date' | 'enum' | 'multi_enum' | 'reference' | 'unknown';

export interface DiscoveredField {
  key: string;
  label: string;
  type: DiscoveredFieldType;
  /** Where the value sits in action inputs/outputs, e.g. `fields.1002`. */
  path: string;
  options?: { key: string; label: string }[];
  readOnly?: boolean;
  required?: boolean;
  /** The remote's own type name (Streak `DROPDOWN`). */
  remoteType?: string;
}

export interface DiscoveredEntity {
  /** Unique within one discovery, e.g. `box:<pipelineKey>`. */
  key: string;
  title: string;
  /** The entity kind actions refer to (`box`, `contact`). */
  kind: string;
  operations: Array<'read' | 'write'>;
  fields: DiscoveredField[];
}

export interface DiscoveredSchema {
  entities: DiscoveredEntity[];
}

export interface AuthTestAccount {
  id?: string;
  name: string;
}

export interface ConnectorDefinition<TAuth = unknown> {
  id: string;
  version: string;
  title: string;
  description?: string;
  auth: {
    schema: z.ZodType<TAuth>;
    /** A cheap authenticated call; throws the kit's errors (auth vs network tell the cases apart). */
    test(ctx: BaseContext<TAuth>): Promise<AuthTestAccount>;
    ui?: UiHints;
  };
  /** Transport settings for one connection. */
  http(auth: TAuth): Omit<HttpClientOptions, 'log' | 'signal' | 'limiterKey'>;
  actions: ActionDefinition<TAuth>[];
  triggers: TriggerDefinition<TAuth>[];
  /** The entities and fields this connection reads and writes (the customer's real custom fields). */
  discover?(ctx: BaseContext<TAuth> & { params: Record<string, unknown> }): Promise<DiscoveredSchema>;
  pickers?: Record<string, PickerLoader<TAuth>>;
}
