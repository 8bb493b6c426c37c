// Test support for the template tests: a real stack (engine harness: PostgreSQL, Temporal test server,
// Streak sandbox, Sage 100 gateway on its emulator) plus small clients that drive the sandbox and the
// gateway through their public HTTP APIs, the way a person or Sage itself would.
import { changeFeedRequest, type RunStatusName } from '@conduit/engine/client';
import { createHarness, type Harness } from '@conduit/engine/test-harness';
import { EmulatorControlClient } from '@conduit/sage100-gateway';
import { demoSeed } from '@conduit/streak-sandbox';
import type { Plan } from '@conduit/flow';
import type { FlowTemplate } from './template';
import { withoutRef } from '@conduit/connector-streak';

export interface DeployedTemplate {
  flowId: string;
  versionId: string;
  plan: Plan;
  graph: FlowTemplate['graph'];
}

export interface FinishedRun {
  runId: string;
  status: RunStatusName;
  error?: string;
  outputs: Record<string, unknown>;
}

interface WireBox {
  key: string;
  stageKey: string;
  fields: Record<string, unknown>;
}

export class Lab {
  readonly emulator: EmulatorControlClient;
  readonly seed = demoSeed();
  readonly #seen = new Set<string>();

  private constructor(readonly h: Harness) {
    this.emulator = new EmulatorControlClient(h.gateway.url);
  }

  static async start(options: { databaseUrl: string; temporalTestServerPath: string }): Promise<Lab> {
    return new Lab(await createHarness(options));
  }

  close = () => this.h.close();

  async deploy(template: FlowTemplate): Promise<DeployedTemplate> {
    return { ...(await this.h.deploy(template.graph)), graph: template.graph };
  }

  /** One firing of the flow's change-feed schedule; resolves when the runs it started have finished. */
  async poll(flow: DeployedTemplate): Promise<FinishedRun[]> {
    const req = changeFeedRequest({ environment: this.h.environment, ...flow });
    if (!req) throw new Error('the template has no change-feed trigger');
    await this.h.temporal.client.workflow.execute('changeFeedPoll', { taskQueue: this.h.taskQueue, workflowId: `poll-${flow.flowId}-${Date.now()}-${Math.random()}`, args: [req.request] });
    return this.finished(flow.flowId);
  }

  /** Runs of the flow not returned before, after each has finished. */
  async finished(flowId: string): Promise<FinishedRun[]> {
    const runs = await this.h.db.run.findMany({ where: { flowId }, orderBy: { startedAt: 'asc' } });
    const fresh = runs.filter((r) => !this.#seen.has(r.id));
    const out: FinishedRun[] = [];
    for (const r of fresh) {
      this.#seen.add(r.id);
      const outcome = await this.h.result(r.workflowId);
      out.push({ runId: r.id, status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}), outputs: outcome.outputs });
    }
    return out;
  }

  /** What the run history (the database) says about a run. */
  async history(runId: string) {
    const run = await this.h.db.run.findUniqueOrThrow({ where: { id: runId } });
    const steps = await this.h.db.runStep.findMany({ where: { runId }, orderBy: { seq: 'asc' } });
    return { status: run.status, steps: Object.fromEntries(steps.map((s) => [s.nodeId, s.status])) };
  }

  async streak<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.h.sandbox.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${this.h.sandbox.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`Streak sandbox ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async sage<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.h.gateway.url}/v1/companies/ABC${path}`, {
      method,
      headers: { authorization: `Bearer ${this.h.gateway.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
    if (!json.ok) throw new Error(`Sage gateway ${method} ${path}: ${res.status} ${json.error?.message ?? ''}`);
    return json.data;
  }

  /** A seeded box of the demo pipeline in a stage (the n-th, so tests in one file can take different ones). */
  async boxIn(stage: string, n = 0): Promise<string> {
    const boxes = await this.streak<WireBox[]>('GET', `/v1/pipelines/${this.seed.pipelineKey}/boxes?stageKey=${this.seed.stages[stage]}`);
    const box = boxes.filter((b) => b.stageKey === this.seed.stages[stage])[n];
    if (!box) throw new Error(`no box number ${n} in stage ${stage}`);
    return box.key;
  }

  /**
   * Moves Sage's clock on a few seconds. Audit stamps have one-second resolution and the change feed knows a
   * change by key + stamp, so two changes to one row within a second are one change; people are slower.
   */
  async later(): Promise<void> {
    await this.emulator.setClock({ advanceSeconds: 5 });
  }

  /** A seeded box by its name (the demo scenarios are named). */
  async boxNamed(name: string): Promise<string> {
    const boxes = await this.streak<(WireBox & { name: string })[]>('GET', `/v1/pipelines/${this.seed.pipelineKey}/boxes`);
    const box = boxes.find((b) => b.name === name);
    if (!box) throw new Error(`no box named ${name}`);
    return box.key;
  }

  /** Drags a box to a stage on the board (what a person does), returning the box as Streak's webhook sends it. */
  async moveTo(boxKey: string, stage: string): Promise<WireBox> {
    return this.streak<WireBox>('POST', `/v1/boxes/${boxKey}`, { stageKey: this.seed.stages[stage] });
  }

  /** The box as a person sees it: stage name and field values by field name (dropdowns as labels). */
  async box(key: string): Promise<{ stage: string; fields: Record<string, unknown> }> {
    const b = await this.streak<WireBox>('GET', `/v1/boxes/${key}`);
    const stage = Object.entries(this.seed.stages).find(([, k]) => k === b.stageKey)?.[0] ?? b.stageKey;
    const fields: Record<string, unknown> = {};
    for (const [name, fieldKey] of Object.entries(this.seed.fields)) {
      const raw = b.fields[fieldKey];
      if (raw === undefined) continue;
      const label = Object.entries(this.seed.options[name] ?? {}).find(([, k]) => k === raw)?.[0];
      fields[name] = label ?? raw;
    }
    return { stage, fields };
  }

  /** The box's comments as the flows wrote them (without the reference line that makes a retry safe). */
  async comments(key: string): Promise<string[]> {
    return (await this.streak<{ results: { message: string }[] }>('GET', `/v2/boxes/${key}/comments`)).results.map((c) => withoutRef(c.message));
  }

  /** A sales order as flow 1 (Closed-Won → Sales Order) writes it: the box key in UDF_EXT_REF. */
  async order(options: { boxKey?: string; customerNo?: string; quantity?: number } = {}): Promise<{ salesOrderNo: string; orderTotal: number }> {
    return this.sage('POST', '/sales-orders', {
      arDivisionNo: '01',
      customerNo: options.customerNo ?? 'ACMEIND',
      ...(options.boxKey ? { externalId: options.boxKey } : {}),
      lines: [{ itemCode: 'FAST-1002', quantityOrdered: options.quantity ?? 3 }, { itemCode: 'TOOL-1001', quantityOrdered: 1 }],
    });
  }
}
