// Background webhook delivery, like Streak's: one POST per subscription with a bare JSON array of
// the changed objects, `X-Streak-Webhook-Token` when a token was set, 200 = delivered, 410 = the
// subscription is deleted, anything else is retried with exponential back-off. Nothing here runs
// on the request path: emit() only records the delivery and schedules it.
import type { FaultInjector } from '../http/faults';
import type { Store } from '../store/store';
import type { DeliveryRec, WebhookRec } from '../store/types';
import type { WebhookEvent } from './events';

const LOG_CAP = 500;
const ATTEMPT_TIMEOUT_MS = 10_000;

export interface Scope {
  pipelineKey?: string;
  teamKey?: string;
}

export class Dispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Set<AbortController>();
  private closed = false;
  /** Bumped by cancelAll(); an attempt that finishes under an older generation is forgotten. */
  private generation = 0;

  constructor(
    private readonly store: Store,
    private readonly faults: FaultInjector,
  ) {}

  emit(event: WebhookEvent, scope: Scope, objects: unknown[]): void {
    const subs = Object.values(this.store.state.webhooks).filter(
      (w) =>
        w.event === event &&
        ((scope.pipelineKey && w.pipelineKey === scope.pipelineKey) ||
          (scope.teamKey && w.teamKey === scope.teamKey)),
    );
    for (const w of subs) this.enqueue(w, objects);
  }

  /** Re-schedule deliveries that were pending when the previous process stopped. */
  resume(): void {
    for (const d of this.store.state.deliveries) if (d.status === 'pending') this.schedule(d, 0);
  }

  /** Drop every scheduled attempt (used by reset so old deliveries never reach their targets). */
  cancelAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inflight) c.abort();
    this.generation++;
  }

  close(): void {
    this.closed = true;
    this.cancelAll();
  }

  private enqueue(w: WebhookRec, payload: unknown[]): void {
    const s = this.store.state;
    const now = this.store.now();
    const d: DeliveryRec = {
      id: s.nextDeliveryId++,
      webhookKey: w.key,
      event: w.event,
      targetUrl: w.targetUrl,
      status: 'pending',
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
      nextAttemptAt: now,
      hasToken: w.token !== null,
      payload,
    };
    s.deliveries.push(d);
    if (s.deliveries.length > LOG_CAP) s.deliveries.splice(0, s.deliveries.length - LOG_CAP);
    this.schedule(d, this.faults.faults.webhookDelayMs);
  }

  private schedule(d: DeliveryRec, delayMs: number): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.attempt(d);
    }, delayMs);
    this.timers.add(t);
  }

  private async attempt(d: DeliveryRec): Promise<void> {
    const w = this.store.state.webhooks[d.webhookKey];
    const generation = this.generation;
    d.attempts++;
    if (!w) return this.finish(d, 'failed', null, 'subscription was deleted');
    if (this.faults.dropWebhook())
      return this.finish(d, 'dropped', null, 'dropped by sandbox fault injection');
    const ctrl = new AbortController();
    this.inflight.add(ctrl);
    const timeout = setTimeout(() => ctrl.abort(), ATTEMPT_TIMEOUT_MS);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.targetUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(w.token ? { 'x-streak-webhook-token': w.token } : {}),
        },
        body: JSON.stringify(d.payload),
        signal: ctrl.signal,
      });
      status = res.status;
      await res.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    } finally {
      clearTimeout(timeout);
      this.inflight.delete(ctrl);
    }
    if (this.closed || generation !== this.generation) return;
    if (status === 200) return this.finish(d, 'delivered', status, null);
    if (status === 410) {
      delete this.store.state.webhooks[w.key];
      return this.finish(d, 'gone', status, 'target answered 410 Gone; subscription deleted');
    }
    const f = this.faults.faults;
    if (d.attempts >= f.webhookMaxAttempts)
      return this.finish(d, 'failed', status, error ?? `HTTP ${status}`);
    const wait = f.webhookRetryBaseMs * 2 ** (d.attempts - 1);
    d.lastStatusCode = status;
    d.lastError = error ?? `HTTP ${status}`;
    d.updatedAt = this.store.now();
    d.nextAttemptAt = d.updatedAt + wait;
    this.store.changed();
    this.schedule(d, wait);
  }

  private finish(
    d: DeliveryRec,
    status: DeliveryRec['status'],
    code: number | null,
    error: string | null,
  ): void {
    d.status = status;
    d.lastStatusCode = code;
    d.lastError = error;
    d.updatedAt = this.store.now();
    d.nextAttemptAt = null;
    this.store.changed();
  }
}
