// Who may read /metrics. One rule for the designer route and the worker's server, documented in
// docs/deploy/README.md: with METRICS_TOKEN set, only `Authorization: Bearer <token>`; without it, the
// worker serves only on a loopback address and the designer does not serve /metrics at all.
import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 404; message: string };

const digest = (s: string) => createHash('sha256').update(s).digest();

export function checkMetricsAccess(options: { token?: string; authorization: string | null | undefined; loopbackOnly: boolean }): MetricsAccess {
  if (!options.token) {
    return options.loopbackOnly ? { ok: true } : { ok: false, status: 404, message: 'Metrics are off here; set METRICS_TOKEN to serve them.' };
  }
  const given = /^Bearer\s+(.+)$/i.exec(options.authorization ?? '')?.[1]?.trim();
  // Digests have one length, so the comparison takes the same time whatever the caller sent.
  if (!given || !timingSafeEqual(digest(given), digest(options.token))) {
    return { ok: false, status: 401, message: 'Send Authorization: Bearer <METRICS_TOKEN>.' };
  }
  return { ok: true };
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** The outcome label of a webhook ingress answer. */
export function webhookOutcome(status: number, body: { events?: number; duplicates?: number }): string {
  if (status === 200) return body.events ? 'accepted' : 'duplicate';
  const named: Record<number, string> = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'too_large', 415: 'unsupported_type', 503: 'unavailable' };
  return named[status] ?? (status >= 500 ? 'error' : 'rejected');
}
