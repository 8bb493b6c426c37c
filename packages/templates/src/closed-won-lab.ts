// Test support for the Closed-Won template: the webhook path a real deployment has. The sandbox's own webhook
// posts to a receiver that runs the engine's ingress (the functions behind the designer's /api/hooks route),
// so dragging a box to Closed-Won through the Streak API is what starts a run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticateStreakWebhook, decideApproval, ingestStreakWebhook, type IngressDeps } from '@conduit/engine/client';
import { closedWonSalesOrder } from './closed-won';
import { installTemplates, type InstallReport } from './install';
import { type FinishedRun, Lab } from './test-lab';

export interface HookReceiver {
  /** The public base URL a deployment registers with Streak (`<url>/api/hooks/streak/<env>/<endpoint>`). */
  url: string;
  /** The next n deliveries are taken in, then answered 500 as if the reply was lost: Streak sends them again. */
  loseReplies(n: number): void;
  close(): Promise<void>;
}

export async function startHookReceiver(lab: Lab): Promise<HookReceiver> {
  const deps: IngressDeps = { db: lab.h.db, secrets: lab.h.secrets, temporal: async () => lab.h.temporal.client };
  let lose = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://receiver');
        const [, , , , environmentKey, endpointId] = url.pathname.split('/');
        const token = req.headers['x-streak-webhook-token'];
        const auth = await authenticateStreakWebhook(deps, { environmentKey: environmentKey ?? '', endpointId: endpointId ?? '', token: typeof token === 'string' ? token : null, ip: '127.0.0.1' });
        const answer = 'answer' in auth ? auth.answer : await ingestStreakWebhook(deps, { env: auth.env, event: url.searchParams.get('event'), text: Buffer.concat(chunks).toString('utf8') });
        const status = lose > 0 && answer.status === 200 ? (lose--, 500) : answer.status;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      })().catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    loseReplies: (n) => void (lose = n),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Polls the run history (not Temporal: awaiting a result would let the test server skip time past an approval). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The run the flow started for this box (the newest not seen before), once it exists. */
export async function runFor(lab: Lab, flowId: string, boxKey: string, seen: Set<string>): Promise<{ id: string; workflowId: string }> {
  return eventually(`a run for box ${boxKey}`, async () => {
    const runs = await lab.h.db.run.findMany({ where: { flowId, searchKeys: { has: boxKey } }, orderBy: { startedAt: 'desc' } });
    const run = runs.find((r) => !seen.has(r.id));
    if (run) seen.add(run.id);
    return run;
  });
}

export async function finish(lab: Lab, run: { id: string; workflowId: string }): Promise<FinishedRun> {
  const outcome = await lab.h.result(run.workflowId);
  return { runId: run.id, status: outcome.status, ...(outcome.error ? { error: outcome.error } : {}), outputs: outcome.outputs };
}

/** The pending approval of a run, as the approvals inbox lists it. */
export async function pendingApproval(lab: Lab, runId: string) {
  return eventually(`an approval for run ${runId}`, async () => (await lab.h.db.approval.findFirst({ where: { runId, status: 'pending' } })) ?? undefined);
}

/** Decides an approval the way the inbox does (through the engine), as a demo approver. */
export async function decide(lab: Lab, approvalId: string, approved: boolean, comment?: string): Promise<void> {
  const user = await lab.h.db.user.upsert({ where: { email: 'approver@lab.test' }, update: {}, create: { email: 'approver@lab.test', name: 'Abe Approver' } });
  await decideApproval({ db: lab.h.db, temporal: async () => lab.h.temporal.client }, { approvalId, approved, userId: user.id, userEmail: user.email, ...(comment ? { comment } : {}) });
}

/** The other templates' change feeds would poll Sage on the test server's skipping clock; these tests need only Closed-Won live. */
const ONLY_CLOSED_WON = { environmentKey: 'dev', templates: ['closed-won-sales-order'] };

export type Order = { salesOrderNo: string; customerKey: string; orderStatus: string; lines: Array<{ itemCode: string; quantityOrdered: number; unitPrice: number }> };

/** A lab with the templates installed as the demo has them: Closed-Won deployed to dev, its webhook on the sandbox. */
export class ClosedWonLab {
  readonly #seen = new Set<string>();

  private constructor(
    readonly lab: Lab,
    readonly hooks: HookReceiver,
    readonly flowId: string,
    readonly installed: InstallReport,
  ) {}

  static async start(options: { databaseUrl: string; temporalTestServerPath: string }): Promise<ClosedWonLab> {
    const lab = await Lab.start(options);
    const hooks = await startHookReceiver(lab);
    const installed = await installTemplates(lab.h.db, lab.h.workspaceId, { secrets: lab.h.secrets, publicUrl: hooks.url, deploy: ONLY_CLOSED_WON });
    const flow = await lab.h.db.flow.findFirstOrThrow({ where: { workspaceId: lab.h.workspaceId, name: closedWonSalesOrder.name } });
    return new ClosedWonLab(lab, hooks, flow.id, installed);
  }

  install = () => installTemplates(this.lab.h.db, this.lab.h.workspaceId, { secrets: this.lab.h.secrets, publicUrl: this.hooks.url, deploy: ONLY_CLOSED_WON });

  /** Drags the box to Closed-Won on the board and returns its run once it exists. */
  async close(boxKey: string): Promise<{ id: string; workflowId: string }> {
    await this.lab.moveTo(boxKey, 'Closed-Won');
    return runFor(this.lab, this.flowId, boxKey, this.#seen);
  }

  /** Sets box fields by name (dropdown values as option keys, as Streak stores them). */
  setFields(boxKey: string, fields: Record<string, string | null>) {
    return this.lab.streak('POST', `/v1/boxes/${boxKey}`, { fields: Object.fromEntries(Object.entries(fields).map(([name, v]) => [this.lab.seed.fields[name]!, v])) });
  }

  /** Orders in Sage that carry the box key (summaries, without lines). */
  ordersFor(boxKey: string): Promise<Order[]> {
    return this.lab.sage<{ items: Order[] }>('GET', `/sales-orders?externalId=${encodeURIComponent(boxKey)}`).then((p) => p.items);
  }

  finish = (run: { id: string; workflowId: string }) => finish(this.lab, run);

  async stop(): Promise<void> {
    await this.hooks.close();
    await this.lab.close();
  }
}
