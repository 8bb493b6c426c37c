// Installs the lead-to-cash templates into a workspace: each becomes a flow with a saved version, and the
// chosen ones are deployed (the demo's order-to-cash loop to dev by default), through the engine's save and deploy
// path, the same the designer uses. Idempotent: a flow that exists (perhaps edited since) is left alone, and
// a flow already live in the environment is not deployed again. Imported as @conduit/templates/install, so the
// designer's bundle never pulls in the engine.
import type { Db, SecretBox } from '@conduit/db';
import { connectorCatalog, type DeployContext, DeployError, deployVersion, saveFlowVersion } from '@conduit/engine/client';
import { TEMPLATES } from './index';

/** What the templates read from `env` (see closed-won-mappings.ts); set where an environment has no value yet. */
export const TEMPLATE_VARIABLES: Record<string, string | number> = {
  baseCurrency: 'USD',
  rate_CAD: 0.73,
  rate_EUR: 1.08,
  approvalThreshold: 10000,
  arDivisionNo: '01',
  warehouseCode: '000',
  anomalyTotalTolerancePct: 5,
  anomalyHistoryFactor: 5,
  anomalyQuantityFactor: 50,
};

/** What the demo runs in dev (docs/demo.md): the whole order-to-cash loop and the weekday-morning credit and stock refresh; Customer 360 stays installed only. */
export const DEMO_DEPLOYED = ['closed-won-sales-order', 'order-status-to-streak', 'invoice-posted-to-streak', 'payments-to-streak', 'credit-stock-on-proposal', 'credit-stock-daily'];

export interface InstallOptions {
  secrets: SecretBox;
  /** The designer's public base URL: deployed Streak webhooks post to it. */
  publicUrl: string;
  /** Template keys to deploy, and where; default DEMO_DEPLOYED to dev. */
  deploy?: { environmentKey: string; templates: string[] };
  /** Needed only to deploy change-feed and schedule-triggered templates (their Temporal Schedules). */
  temporal?: DeployContext['temporal'];
}

export interface InstallReport {
  created: string[];
  deployed: string[];
  warnings: string[];
}

export async function installTemplates(db: Db, workspaceId: string, options: InstallOptions): Promise<InstallReport> {
  const report: InstallReport = { created: [], deployed: [], warnings: [] };
  const environments = await db.environment.findMany({ where: { workspaceId } });
  for (const e of environments) {
    const current = (e.variables ?? {}) as Record<string, unknown>;
    const missing = Object.entries(TEMPLATE_VARIABLES).filter(([k]) => current[k] === undefined);
    if (missing.length) await db.environment.update({ where: { id: e.id }, data: { variables: { ...current, ...Object.fromEntries(missing) } as object } });
  }
  const plan = options.deploy ?? { environmentKey: 'dev', templates: DEMO_DEPLOYED };
  const target = environments.find((e) => e.key === plan.environmentKey);
  for (const t of TEMPLATES) {
    let flow = await db.flow.findFirst({ where: { workspaceId, name: t.name, archivedAt: null }, orderBy: { createdAt: 'asc' } });
    if (!flow) {
      flow = await db.flow.create({ data: { workspaceId, name: t.name, description: t.description, draft: t.graph as object } });
      await saveFlowVersion(db, { flowId: flow.id, graph: t.graph, message: `Installed from the "${t.name}" template`, catalog: connectorCatalog() });
      report.created.push(t.key);
    }
    if (!target || !plan.templates.includes(t.key)) continue;
    if (await db.deployment.findFirst({ where: { environmentId: target.id, flowId: flow.id, active: true } })) continue;
    const latest = await db.flowVersion.findFirst({ where: { flowId: flow.id }, orderBy: { number: 'desc' } });
    if (!latest) continue;
    try {
      const deployed = await deployVersion({ db, secrets: options.secrets, workspaceId, publicUrl: options.publicUrl, ...(options.temporal ? { temporal: options.temporal } : {}) }, { environmentId: target.id, flowVersionId: latest.id });
      report.deployed.push(t.key);
      report.warnings.push(...deployed.warnings);
    } catch (error) {
      // One template that cannot go live (no engine for its schedule, Streak refusing a webhook) must not stop the rest.
      if (!(error instanceof DeployError)) throw error;
      report.warnings.push(`${t.name} was not deployed: ${error.message}`);
    }
  }
  return report;
}
