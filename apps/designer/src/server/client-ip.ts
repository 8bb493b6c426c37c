// The client address of a request, for the webhook IP allowlist and the audit log. Each reverse proxy
// appends the address it received the request from to X-Forwarded-For, so entries on the left are
// whatever the client claimed and only the ones the trusted proxies wrote count (Next.js itself writes the
// socket address when the header is absent). TRUSTED_PROXY_HOPS says how many proxies write them.
import { env } from '../env';

export function clientIp(headers: Pick<Headers, 'get'>): string | null {
  const hops = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!hops?.length) return null;
  return hops[Math.max(0, hops.length - env().TRUSTED_PROXY_HOPS)] ?? null;
}
