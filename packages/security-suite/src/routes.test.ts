// Every HTTP route the designer serves (each app-router `route.ts`, found on disk) must have a row here
// saying who may call it and where that is proven. Routes whose handlers need Next's request scope (tRPC,
// next-auth) are exercised over real HTTP in the full form (stack.test.ts); the webhook route is driven in
// process by ingress.test.ts and ip-allowlist.test.ts; health is called here.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '@conduit/db/tools';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupOperateTest, type OperateTest } from './designer';
import { leaked } from './leaks';

interface RoutePolicy {
  /** Who may call it. */
  access: 'anyone' | 'session' | 'webhook token' | 'metrics token';
  /** Where anonymous and wrong-credential calls are shown to be refused (or harmless). */
  provenBy: string;
}

const ROUTES: Record<string, RoutePolicy> = {
  'api/trpc/[trpc]': { access: 'session', provenBy: 'authz-matrix.test.ts (every procedure × role), stack.test.ts (over HTTP: none, forged cookie, bearer)' },
  'api/auth/[...nextauth]': { access: 'anyone', provenBy: 'stack.test.ts (no session without the right password)' },
  'api/hooks/streak/[env]/[endpoint]': { access: 'webhook token', provenBy: 'ingress.test.ts, ip-allowlist.test.ts, fuzz.test.ts, stack.test.ts' },
  'api/health': { access: 'anyone', provenBy: 'routes.test.ts (reveals no secret), stack.test.ts' },
  // Prometheus scrapes; a session does not open it, only METRICS_TOKEN (and without one it answers 404).
  metrics: { access: 'metrics token', provenBy: 'routes.test.ts (none, wrong, session cookie, right token)' },
};

const appDir = join(repoRoot, 'apps/designer/src/app');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return routeFiles(path);
    return /^route\.tsx?$/.test(e.name) ? [relative(appDir, dir).split('/').filter((s) => !/^\(.*\)$/.test(s)).join('/')] : [];
  });
}

describe('HTTP routes', () => {
  it('has a policy row for every route the designer serves, and no stale rows', () => {
    expect(routeFiles(appDir).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  describe('health and metrics, called in process', () => {
    let t: OperateTest;
    const metricsToken = 'metrics-token-6630-security';
    beforeAll(async () => {
      vi.stubEnv('METRICS_TOKEN', metricsToken);
      t = await setupOperateTest();
    });
    afterAll(() => t?.close());

    it('answers without credentials and reveals no secret, even while a dependency is down', async () => {
      const { GET } = await import('@conduit/designer/src/app/api/health/route');
      const res = await GET();
      const text = await res.text();
      expect(text).toMatch(/"database":\{"ok":true/);
      const url = new URL(t.tdb.url);
      expect(leaked(text, { 'metrics token': metricsToken, 'database password': decodeURIComponent(url.password) || 'no-password-set', 'database URL': t.tdb.url, 'encryption key': (process.env.CONDUIT_SECRET_KEYS ?? '').split(':')[1] ?? '' })).toEqual([]);
    });

    it('serves metrics only to the bearer of METRICS_TOKEN', async () => {
      const { GET } = await import('@conduit/designer/src/app/metrics/route');
      const scrape = (headers: Record<string, string>) => GET(new Request('http://127.0.0.1/metrics', { headers }));
      const refused: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong' }, { authorization: metricsToken }, { cookie: 'next-auth.session-token=x' }];
      for (const headers of refused) {
        const res = await scrape(headers);
        expect(res.status).toBe(401);
        expect(await res.text()).toMatch(/Bearer <METRICS_TOKEN>/);
      }
      const ok = await scrape({ authorization: `Bearer ${metricsToken}` });
      expect(ok.status).toBe(200);
      expect(leaked(await ok.text(), { 'metrics token': metricsToken, 'database URL': t.tdb.url })).toEqual([]);
    });
  });
});
