// Every Prometheus metric Conduit exports, in one registry. The designer and the worker expose the same
// registry; each process fills the series it observes (ingress in the designer, run outcomes in the worker).
// docs/deploy/grafana-dashboard.json queries these names; a test checks every panel against this file.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { processState } from './process-state';

/** The metrics, once per process (module instances can be duplicated by bundlers, the registry must not). */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const runsStarted = new Counter({
    name: 'conduit_runs_started_total',
    help: 'Flow runs handed to the engine, by environment, flow and trigger kind.',
    labelNames: ['environment', 'flow_id', 'trigger'] as const,
    registers: [registry],
  });

  const runsCompleted = new Counter({
    name: 'conduit_runs_completed_total',
    help: 'Flow runs that reached a final status (succeeded, failed, dead_lettered, cancelled).',
    labelNames: ['environment', 'flow_id', 'status'] as const,
    registers: [registry],
  });

  const runDuration = new Histogram({
    name: 'conduit_run_duration_seconds',
    help: 'Time from a run being recorded as queued to its final status.',
    labelNames: ['environment', 'flow_id', 'status'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
    registers: [registry],
  });

  const runFailures = new Counter({
    name: 'conduit_run_failures_total',
    help: 'Runs that ended failed or dead-lettered, by the dead letter\'s reason code.',
    labelNames: ['environment', 'flow_id', 'reason'] as const,
    registers: [registry],
  });

  const rateLimiterWaits = new Counter({
    name: 'conduit_rate_limiter_waits_total',
    help: 'Connector requests held by the per-connection token bucket: waited (slept for a token) or deferred (handed back to the engine to retry later).',
    labelNames: ['connector', 'outcome'] as const,
    registers: [registry],
  });

  const rateLimiterWaitSeconds = new Histogram({
    name: 'conduit_rate_limiter_wait_seconds',
    help: 'How long a connector request waited for a rate-limiter token.',
    labelNames: ['connector'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const webhookRequests = new Counter({
    name: 'conduit_webhook_requests_total',
    help: 'Webhook ingress requests by outcome (accepted, duplicate, unauthorized, not_found, forbidden, bad_request, too_large, unsupported_type, unavailable).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });

  return { registry, runsStarted, runsCompleted, runDuration, runFailures, rateLimiterWaits, rateLimiterWaitSeconds, webhookRequests };
}

export const { registry, runsStarted, runsCompleted, runDuration, runFailures, rateLimiterWaits, rateLimiterWaitSeconds, webhookRequests } = processState('metrics', createMetrics);

/** Open dead letters per environment, read from the database at scrape time. */
export function registerDeadLetterBacklog(count: () => Promise<Array<{ environment: string; open: number }>>): void {
  if (registry.getSingleMetric('conduit_dead_letters_open')) return;
  new Gauge({
    name: 'conduit_dead_letters_open',
    help: 'Dead letters waiting for a person (status open), by environment.',
    labelNames: ['environment'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await count()) this.set({ environment: row.environment }, row.open);
    },
  });
}

export const metricsText = (): Promise<string> => registry.metrics();
export const metricsContentType = registry.contentType;
