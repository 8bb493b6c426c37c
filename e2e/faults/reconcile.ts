// After the faults: compare what was sent with what the engine recorded, what Sage holds and what the
// boxes show. Each check names the events that break it.
import type { Db } from '@conduit/db';
import type { SentEvent } from './stream';

export interface Check {
  name: string;
  ok: boolean;
  /** What was found; on failure, the first offending events. */
  detail: string;
}

export interface Findings {
  checks: Check[];
  counts: Record<string, number>;
  deadLetterReasons: Record<string, number>;
}

interface Sources {
  db: Db;
  gateway: string;
  sandbox: string;
  apiKey: string;
  pipelineKey: string;
  orderNoField: string;
}

const TERMINAL = new Set(['succeeded', 'dead_lettered']);
/** The injected faults are all transient; the input is valid, so a dead letter for anything else is a defect. */
const TRANSIENT = /^(SERVER|NETWORK|TIMEOUT|LOCK|RATE|RETRYABLE)/;

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
}

function check(name: string, bad: string[], good: string): Check {
  return { name, ok: bad.length === 0, detail: bad.length ? `${bad.length} violation(s): ${bad.slice(0, 5).join('; ')}` : good };
}

/** Runs of these events that are not finished yet (queued, running or waiting). */
export async function unfinishedRuns(db: Db, events: SentEvent[]): Promise<number> {
  return db.run.count({ where: { eventKey: { in: events.map((e) => e.eventKey) }, status: { in: ['queued', 'running', 'waiting'] } } });
}

export async function reconcile(events: SentEvent[], s: Sources): Promise<Findings> {
  const runs = await s.db.run.findMany({
    where: { eventKey: { in: events.map((e) => e.eventKey) } },
    select: { id: true, eventKey: true, status: true, error: true, deadLetters: { select: { reasonCode: true, message: true } }, _count: { select: { steps: true } } },
  });
  const runsByEvent = groupBy(runs, (r) => r.eventKey);
  const orders = ((await (await fetch(`${s.gateway}/__emulator/companies/ABC/tables/SO_SalesOrderHeader?limit=5000`)).json()) as { data: { items: Array<{ salesOrderNo: string; udf?: { EXT_REF?: string } }> } }).data.items;
  const ordersByRef = groupBy(orders, (o) => o.udf?.EXT_REF ?? '');
  const boxes = (await (await fetch(`${s.sandbox}/api/v1/pipelines/${s.pipelineKey}/boxes`, { headers: { authorization: `Bearer ${s.apiKey}` } })).json()) as Array<{ key: string; fields: Record<string, unknown> }>;
  const boxByKey = new Map(boxes.map((b) => [b.key, b]));

  const bad = { accepted: [] as string[], oneRun: [] as string[], finished: [] as string[], deadLetter: [] as string[], permanent: [] as string[], order: [] as string[], twice: [] as string[], writeBack: [] as string[], steps: [] as string[] };
  const counts: Record<string, number> = { events: events.length, 'deliveries retried': 0, succeeded: 0, 'dead-lettered': 0, orders: 0, 'write-backs matching': 0 };
  const deadLetterReasons: Record<string, number> = {};
  for (const e of events) {
    const id = e.boxKey;
    counts['deliveries retried']! += e.retries;
    if (!e.accepted) bad.accepted.push(`${id}: no copy answered 200`);
    const rs = runsByEvent.get(e.eventKey) ?? [];
    const ords = ordersByRef.get(e.boxKey) ?? [];
    if (ords.length > 1) bad.twice.push(`${id}: orders ${ords.map((o) => o.salesOrderNo).join(', ')}`);
    if (rs.length !== 1) {
      bad.oneRun.push(`${id}: ${rs.length} runs`);
      continue;
    }
    const run = rs[0]!;
    if (!TERMINAL.has(run.status)) {
      bad.finished.push(`${id}: run ${run.id} is ${run.status}`);
      continue;
    }
    if (run._count.steps < 2) bad.steps.push(`${id}: run ${run.id} has ${run._count.steps} steps recorded`);
    if (run.status === 'dead_lettered') {
      counts['dead-lettered']! += 1;
      const dl = run.deadLetters[0];
      if (!dl?.message) bad.deadLetter.push(`${id}: run ${run.id} dead-lettered without a dead letter (${run.error ?? 'no error'})`);
      else {
        deadLetterReasons[dl.reasonCode] = (deadLetterReasons[dl.reasonCode] ?? 0) + 1;
        if (!TRANSIENT.test(dl.reasonCode)) bad.permanent.push(`${id}: ${dl.reasonCode} ${dl.message.slice(0, 200)}`);
      }
      continue;
    }
    counts.succeeded! += 1;
    if (run._count.steps < 4) bad.steps.push(`${id}: succeeded run ${run.id} has ${run._count.steps} of 4 steps recorded`);
    if (ords.length === 0) {
      bad.order.push(`${id}: run ${run.id} succeeded but Sage has no order with this external reference`);
      continue;
    }
    counts.orders! += 1;
    const written = String(boxByKey.get(e.boxKey)?.fields[s.orderNoField] ?? '');
    if (ords.some((o) => o.salesOrderNo === written)) counts['write-backs matching']! += 1;
    else bad.writeBack.push(`${id}: box shows "${written}", Sage order ${ords.map((o) => o.salesOrderNo).join(', ')}`);
  }
  const sentRefs = new Set(events.map((e) => e.boxKey));
  counts['orders for these boxes'] = orders.filter((o) => sentRefs.has(o.udf?.EXT_REF ?? '')).length;

  return {
    counts,
    deadLetterReasons,
    checks: [
      check('every delivery accepted by the ingress', bad.accepted, `${events.length} events, each delivered twice`),
      check('exactly one run record per event', bad.oneRun, `${runs.length} runs for ${events.length} events`),
      check('every run finished (succeeded or dead-lettered)', bad.finished, `${counts.succeeded} succeeded, ${counts['dead-lettered']} dead-lettered`),
      check('every dead letter has a reason', bad.deadLetter, Object.entries(deadLetterReasons).map(([k, v]) => `${k} ×${v}`).join(', ') || 'no dead letters'),
      check('no dead letter blames valid input', bad.permanent, 'every dead letter follows an injected (transient) fault'),
      check('one Sage order per succeeded run', bad.order, `${counts.orders} orders found by external reference`),
      check('no order created twice', bad.twice, `${counts['orders for these boxes']} orders for ${events.length} boxes`),
      check('Streak write-backs match the orders', bad.writeBack, `${counts['write-backs matching']} boxes carry their order number`),
      check('every run has its steps recorded', bad.steps, 'trigger, map, create and write-back steps present'),
    ],
  };
}
