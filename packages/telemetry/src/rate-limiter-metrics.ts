// Counts the connector kit's rate-limiter waits (published on a diagnostics channel) into Prometheus.
import { subscribe } from 'node:diagnostics_channel';
import { RATE_LIMITER_WAIT_CHANNEL, type RateLimiterWait } from '@conduit/connector-kit';
import { rateLimiterWaits, rateLimiterWaitSeconds } from './metrics';
import { processState } from './process-state';

const state = processState('rate-limiter-metrics', () => ({ subscribed: false }));

export function countRateLimiterWaits(): void {
  if (state.subscribed) return;
  state.subscribed = true;
  subscribe(RATE_LIMITER_WAIT_CHANNEL, (message) => {
    const m = message as RateLimiterWait;
    rateLimiterWaits.inc({ connector: m.connector, outcome: m.outcome });
    if (m.outcome === 'waited') rateLimiterWaitSeconds.observe({ connector: m.connector }, m.waitMs / 1000);
  });
}
