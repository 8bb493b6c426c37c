// Which deployed flow versions a trigger event starts, per environment. Versions are immutable, so
// their parsed trigger and compiled filter are cached by version id; the deployment list briefly.
import type { Db } from '@conduit/db';
import type { TriggerConfig } from '@conduit/flow';
import { compileExpression, evaluateExpression, isTruthy, type CompiledExpression } from '@conduit/mapping';
import { triggerNode } from './trigger-node';

export interface DeployedFlow {
  deploymentId: string;
  flowId: string;
  versionId: string;
  plan: unknown;
  trigger: TriggerConfig;
  filter?: CompiledExpression;
}

const LIST_TTL_MS = 2_000;
const versionCache = new Map<string, { plan: unknown; trigger: TriggerConfig; filter?: CompiledExpression } | null>();
const listCache = new Map<string, { at: number; flows: DeployedFlow[] }>();

export function forgetDeployments(environmentId?: string): void {
  if (environmentId) listCache.delete(environmentId);
  else listCache.clear();
}

export async function deployedFlows(db: Db, environmentId: string): Promise<DeployedFlow[]> {
  const cached = listCache.get(environmentId);
  if (cached && Date.now() - cached.at < LIST_TTL_MS) return cached.flows;
  const rows = await db.deployment.findMany({
    where: { environmentId, active: true },
    select: { id: true, flowId: true, flowVersionId: true },
  });
  const flows: DeployedFlow[] = [];
  for (const row of rows) {
    let v = versionCache.get(row.flowVersionId);
    if (v === undefined) {
      const version = await db.flowVersion.findUniqueOrThrow({ where: { id: row.flowVersionId }, select: { graph: true, plan: true } });
      const trigger = triggerNode(version.graph)?.config;
      const filter = trigger && 'filter' in trigger && trigger.filter ? compileExpression(trigger.filter) : undefined;
      v = trigger ? { plan: version.plan, trigger, ...(filter ? { filter } : {}) } : null;
      versionCache.set(row.flowVersionId, v);
    }
    if (v) flows.push({ deploymentId: row.id, flowId: row.flowId, versionId: row.flowVersionId, ...v });
  }
  listCache.set(environmentId, { at: Date.now(), flows });
  return flows;
}

/**
 * Whether a webhook trigger listens to this remote event: named directly (`event: 'BOX_CHANGE_STAGE'`) or
 * through the connector trigger's configuration (`event: 'boxEvent', params: { event, pipelineKey }`).
 */
function listensTo(trigger: Extract<TriggerConfig, { type: 'webhook' }>, event: string, payload: unknown): boolean {
  const params = trigger.params ?? {};
  const events = Array.isArray(params.events) ? params.events : typeof params.event === 'string' ? [params.event] : [trigger.event];
  if (!events.includes(event)) return false;
  const pipelineKey = (payload as { pipelineKey?: unknown } | null)?.pipelineKey;
  return typeof params.pipelineKey !== 'string' || pipelineKey === undefined || pipelineKey === params.pipelineKey;
}

/** Flows whose webhook trigger listens to this event and whose filter (if any) accepts the payload. */
export function matchWebhook(flows: DeployedFlow[], options: { connector: string; event: string; payload: unknown; env: Record<string, unknown> }): DeployedFlow[] {
  return flows.filter((f) => {
    if (f.trigger.type !== 'webhook' || !f.trigger.connector.startsWith(`${options.connector}@`) || !listensTo(f.trigger, options.event, options.payload)) return false;
    if (!f.filter) return true;
    const r = evaluateExpression(f.filter, { trigger: options.payload, steps: {}, env: options.env });
    return r.ok && isTruthy(r.value);
  });
}
