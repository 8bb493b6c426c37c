// A steady stream of Closed-Won deliveries, each one for a box of its own and each delivered twice (the
// second copy up to 1.5 s later, sometimes while the first is still in flight). A delivery that is not
// answered 200 is retried the way Streak retries webhooks (doubling back-off, 6 attempts).
import type { StackSetup } from '../bench/deploy';

export interface Box {
  key: string;
  fields: Record<string, unknown>;
}

export interface SentEvent {
  boxKey: string;
  eventKey: string;
  /** At least one copy was answered 200. */
  accepted: boolean;
  /** Non-200 answers (or network errors) that were retried. */
  retries: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates `count` boxes in the demo pipeline directly on the sandbox (before any fault is switched on). */
export async function createBoxes(sandbox: string, apiKey: string, pipelineKey: string, count: number, label: string): Promise<Box[]> {
  const boxes: Box[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${sandbox}/api/v1/pipelines/${pipelineKey}/boxes`, { method: 'PUT', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `${label} ${i}` }) });
      if (!res.ok) throw new Error(`creating box ${i} failed: ${res.status} ${await res.text()}`);
      boxes[i] = (await res.json()) as Box;
    }
  }));
  return boxes;
}

export async function streamEvents(o: { setup: StackSetup; hookUrl: string; boxes: Box[]; ratePerSec: number; onSent?: (n: number) => void }): Promise<SentEvent[]> {
  const { setup } = o;
  const closedWon = setup.seed.stages['Closed-Won'];
  const started = Date.now();
  // Sage keeps at most 15 characters of a customer PO number.
  const events = o.boxes.map((box, i): SentEvent & { body: string } => {
    const ts = started + i;
    const payload = [{ ...box, stageKey: closedWon, lastUpdatedTimestamp: ts, fields: { ...box.fields, [setup.fields.po]: `FLT${String(ts).slice(-10)}`, [setup.fields.products]: 'ELEC-1001 x 1\nELEC-1002 x 2\nELEC-1004 x 3' } }];
    return { boxKey: box.key, eventKey: `BOX_CHANGE_STAGE:${box.key}:${ts}`, accepted: false, retries: 0, body: JSON.stringify(payload) };
  });

  async function deliver(e: SentEvent & { body: string }): Promise<void> {
    for (let attempt = 0; attempt < 6; attempt++) {
      if (attempt > 0) {
        e.retries += 1;
        await sleep(1000 * 2 ** (attempt - 1));
      }
      try {
        const res = await fetch(o.hookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-streak-webhook-token': setup.webhookToken }, body: e.body, signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.status === 200) {
          e.accepted = true;
          return;
        }
      } catch {
        // the designer did not answer: retry like Streak does
      }
    }
  }

  let sent = 0;
  await Promise.all(events.map(async (e, i) => {
    await sleep(started + (i * 1000) / o.ratePerSec - Date.now());
    await Promise.all([deliver(e), sleep(Math.random() * 1500).then(() => deliver(e))]);
    o.onSent?.(++sent);
  }));
  return events.map(({ body: _body, ...e }) => e);
}
