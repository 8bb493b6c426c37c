// The flow graph as the designer saves it. Edit this file when a node kind or a config field changes,
// then bump schemaVersion if old graphs no longer parse.
import { MappingSpecSchema } from '@conduit/mapping';
import { z } from 'zod';
import { isTimeZone, parseCron } from './cron';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'ids are 1-64 letters, digits, _ or -');
const PortName = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'port names are 1-40 letters, digits, _ or -');
/** `streak@1`: connector id and major version. */
export const ConnectorRefSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*@\d+$/, "a connector reference looks like 'streak@1'");
const Expression = z.string().min(1, 'the expression is empty');
const JsonSchemaLike = z.record(z.string(), z.unknown());

export const RetrySchema = z.object({
  maxAttempts: z.number().int().min(1).max(50),
  initialIntervalMs: z.number().int().min(1).max(3_600_000).optional(),
  backoffCoefficient: z.number().min(1).max(10).optional(),
  maximumIntervalMs: z.number().int().min(1).max(86_400_000).optional(),
});

const ConnectorCall = z.object({
  connector: ConnectorRefSchema,
  action: z.string().min(1),
  connectionRef: z.string().min(1).optional(),
  inputs: MappingSpecSchema,
  retry: RetrySchema.optional(),
  timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
});

export const TriggerConfigSchema = z.discriminatedUnion('type', [
  /** A connector event pushed to our webhook ingress (Streak box events). */
  /** `event` is the connector's trigger key (Streak `boxEvent`); `params` its configuration (`{ event: 'BOX_CHANGE_STAGE', pipelineKey }`). */
  z.object({ type: z.literal('webhook'), connector: ConnectorRefSchema, event: z.string().min(1), params: z.record(z.string(), z.unknown()).optional(), connectionRef: z.string().min(1).optional(), filter: Expression.optional() }),
  /** A connector change feed polled on a schedule (Sage 100 gateway). */
  z.object({ type: z.literal('changeFeed'), connector: ConnectorRefSchema, feed: z.string().min(1), params: z.record(z.string(), z.unknown()).optional(), connectionRef: z.string().min(1).optional(), pollSeconds: z.number().int().min(10).max(86_400).optional(), filter: Expression.optional() }),
  z.object({
    type: z.literal('schedule'),
    cron: z.string().superRefine((text, ctx) => {
      const parsed = parseCron(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    }),
    timeZone: z.string().min(1).refine(isTimeZone, { error: (issue) => `unknown time zone '${String(issue.input)}'; use an IANA name such as America/Chicago` }).optional(),
  }),
  z.object({ type: z.literal('manual'), payloadSchema: JsonSchemaLike.optional() }),
]);

/** A person (e-mail) or everyone holding a workspace role. */
const Recipient = z.string().trim().regex(/^([^\s@,]+@[^\s@,]+\.[^\s@,]+|owner|admin|builder|approver|viewer)$/, 'enter an e-mail address or a role (owner, admin, builder, approver, viewer)');

const ApprovalConfigSchema = z
  .object({
    message: Expression,
    /** E-mails or roles; older flows may hold group names, which match nobody (owners and admins still decide). */
    approvers: z.array(z.string().trim().min(1, 'an approver is empty')).max(50, 'at most 50 approvers').optional(),
    timeoutMs: z.number({ error: 'set how long to wait for a decision' }).int().min(60_000, 'wait at least one minute').max(90 * 86_400_000, 'wait at most 90 days'),
    onTimeout: z.enum(['reject', 'approve'], { error: "choose 'reject' or 'approve' for when nobody decides" }),
    /** Still undecided after this long: the approval is escalated to `escalateTo` (they may decide too). */
    escalateAfterMs: z.number().int().min(60_000, 'escalate after at least one minute').optional(),
    escalateTo: z.array(Recipient).min(1, 'name who the approval escalates to').max(50, 'at most 50 people to escalate to').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.escalateAfterMs !== undefined && c.escalateAfterMs >= c.timeoutMs) ctx.addIssue({ code: 'custom', path: ['escalateAfterMs'], message: 'escalate before the approval times out' });
    if (c.escalateAfterMs !== undefined && !c.escalateTo) ctx.addIssue({ code: 'custom', path: ['escalateTo'], message: 'name who the approval escalates to' });
    if (c.escalateTo && c.escalateAfterMs === undefined) ctx.addIssue({ code: 'custom', path: ['escalateAfterMs'], message: 'set when the approval escalates' });
  });

const NotifyConfigSchema = z
  .object({
    channel: z.enum(['email', 'designer'], { error: "choose the channel: 'email' or 'designer'" }),
    to: z.array(z.string().trim().min(1, 'a recipient is empty')).max(50, 'at most 50 recipients'),
    subject: Expression.optional(),
    message: Expression,
  })
  .superRefine((c, ctx) => {
    if (c.channel !== 'email') return;
    if (!c.to.length) ctx.addIssue({ code: 'custom', path: ['to'], message: 'add at least one recipient for the e-mail' });
    c.to.forEach((t, i) => {
      if (!Recipient.safeParse(t).success) ctx.addIssue({ code: 'custom', path: ['to', i], message: `'${t}' is not an e-mail address or a role` });
    });
  });

const node = <K extends string, C extends z.ZodType>(kind: K, config: C) =>
  z.object({ id: Id, kind: z.literal(kind), label: z.string().max(200), position: z.object({ x: z.number(), y: z.number() }), config });

export const NodeSchema = z.discriminatedUnion('kind', [
  node('trigger', TriggerConfigSchema),
  node('map', z.object({ mapping: MappingSpecSchema })),
  node('lookup', ConnectorCall),
  node('write', ConnectorCall),
  node('condition', z.object({ expression: Expression })),
  node('switch', z.object({ cases: z.array(z.object({ port: PortName, when: Expression })).min(1).max(50) })),
  node('approval', ApprovalConfigSchema),
  node('forEach', z.object({ items: Expression, maxItems: z.number().int().min(1).max(10_000).optional() })),
  node('delay', z.union([z.object({ durationMs: z.number().int().min(1).max(365 * 86_400_000) }), z.object({ until: Expression })])),
  node('notify', NotifyConfigSchema),
]);

export const EdgeSchema = z.object({ id: Id, source: Id, sourcePort: PortName, target: Id, targetPort: PortName });

export const FlowGraphSchema = z.object({
  schemaVersion: z.literal(1),
  nodes: z.array(NodeSchema).max(500),
  edges: z.array(EdgeSchema).max(2000),
});

export type FlowGraph = z.infer<typeof FlowGraphSchema>;
export type FlowNode = z.infer<typeof NodeSchema>;
export type FlowEdge = z.infer<typeof EdgeSchema>;
export type NodeKind = FlowNode['kind'];
export type NodeOf<K extends NodeKind> = Extract<FlowNode, { kind: K }>;
export type TriggerConfig = z.infer<typeof TriggerConfigSchema>;
export type Retry = z.infer<typeof RetrySchema>;

export const NODE_KINDS: readonly NodeKind[] = ['trigger', 'map', 'lookup', 'write', 'condition', 'switch', 'approval', 'forEach', 'delay', 'notify'];

/** The for-each input port that body branches connect back to; edges into it are the only allowed cycles. */
export const LOOP_PORT = 'loop';

/** Ports of a node: control flows along edges from an output port to an input port. */
export function portsOf(n: FlowNode): { inputs: string[]; outputs: string[] } {
  switch (n.kind) {
    case 'trigger':
      return { inputs: [], outputs: ['out'] };
    case 'condition':
      return { inputs: ['in'], outputs: ['true', 'false'] };
    case 'switch':
      return { inputs: ['in'], outputs: [...n.config.cases.map((c) => c.port), 'default'] };
    case 'approval':
      return { inputs: ['in'], outputs: ['approved', 'rejected'] };
    case 'forEach':
      return { inputs: ['in', LOOP_PORT], outputs: ['each', 'done'] };
    default:
      return { inputs: ['in'], outputs: ['out'] };
  }
}

export function parseConnectorRef(ref: string): { connector: string; version: string } {
  const at = ref.lastIndexOf('@');
  return { connector: ref.slice(0, at), version: ref.slice(at + 1) };
}
