// docs/deploy cannot be run here (no Docker), so its files are checked for what would break a deployment:
// the compose file parses and hangs together, the worker's settings in it pass the worker's own env
// schema, Prometheus scrapes what the apps serve, and every dashboard query names a metric we export.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { registerDeadLetterBacklog, registry } from '@conduit/telemetry';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './env';

const deployDir = fileURLToPath(new URL('../../../docs/deploy/', import.meta.url));
const read = (name: string) => readFileSync(`${deployDir}${name}`, 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; target?: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  volumes?: string[];
  profiles?: string[];
  ports?: string[];
}
const compose = load(read('docker-compose.yml')) as { services: Record<string, ComposeService> };

/** `${VAR:?message}` / `${VAR:-default}` as compose substitutes them, with sample values for the required ones. */
function substitute(value: string, given: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_m, name: string, op?: string, rest?: string) => given[name] ?? (op === '-' ? (rest ?? '') : ''));
}

describe('docs/deploy/docker-compose.yml', () => {
  it('runs PostgreSQL, Temporal on PostgreSQL, the Temporal UI, the designer and the worker; observability is a profile', () => {
    const s = compose.services;
    expect(s.postgres?.image).toMatch(/^postgres:/);
    expect(s.temporal?.image).toMatch(/^temporalio\/(auto-setup|server):/);
    expect(s.temporal?.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
    expect(s['temporal-ui']?.image).toMatch(/^temporalio\/ui:/);
    expect(s.designer?.build?.dockerfile).toBe('docs/deploy/designer.Dockerfile');
    expect(s.worker?.build?.dockerfile).toBe('docs/deploy/worker.Dockerfile');
    for (const name of ['jaeger', 'prometheus', 'grafana']) expect(s[name]?.profiles).toEqual(['observability']);
  });

  it('references only services, Dockerfiles and files that exist', () => {
    const names = Object.keys(compose.services);
    const ignored = read('.gitignore').split('\n').filter(Boolean);
    for (const [name, service] of Object.entries(compose.services)) {
      const deps = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dep of deps) expect(names, `${name} depends on ${dep}`).toContain(dep);
      if (service.build) expect(existsSync(`${deployDir}../../${service.build.dockerfile}`), service.build.dockerfile).toBe(true);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (source.startsWith('./') && !ignored.includes(source.slice(2))) expect(existsSync(`${deployDir}${source.slice(2)}`), source).toBe(true);
      }
    }
    expect(compose.services.migrate?.build?.target).toBe('build');
    expect(read('worker.Dockerfile')).toMatch(/^FROM .* AS build$/m);
  });

  it('gives the worker settings its env schema accepts, metrics reachable only with the token', () => {
    const given = { POSTGRES_PASSWORD: 'pw', CONDUIT_SECRET_KEYS: 'k1:abc', METRICS_TOKEN: 'token-0123456789abcdef' };
    const raw = Object.fromEntries(Object.entries(compose.services.worker?.environment ?? {}).map(([k, v]) => [k, substitute(String(v), given)]));
    const { OTEL_EXPORTER_OTLP_ENDPOINT: otel, ...rest } = raw;
    const env = readWorkerEnv({ ...rest, ...(otel ? { OTEL_EXPORTER_OTLP_ENDPOINT: otel } : {}) });
    expect(env).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233', WORKER_METRICS_HOST: '0.0.0.0', WORKER_METRICS_PORT: 9464, METRICS_TOKEN: given.METRICS_TOKEN });
    expect(env.CONDUIT_ENVIRONMENTS).toEqual(['dev', 'qa', 'prod']);
    expect(compose.services.worker?.ports).toBeUndefined();
  });

  it('the designer and worker images are multi-stage pnpm deploy builds', () => {
    for (const file of ['designer.Dockerfile', 'worker.Dockerfile']) {
      const text = read(file);
      expect(text.match(/^FROM /gm)?.length, file).toBeGreaterThanOrEqual(2);
      expect(text, file).toMatch(/pnpm install --frozen-lockfile/);
      expect(text, file).toMatch(/pnpm --filter @conduit\/(designer|worker) deploy --prod/);
      expect(text, file).toMatch(/^CMD \[/m);
    }
  });
});

describe('docs/deploy/prometheus.yml and grafana-dashboard.json', () => {
  it('scrapes the designer and the workers at /metrics with the bearer token', () => {
    const prom = load(read('prometheus.yml')) as { scrape_configs: Array<{ job_name: string; metrics_path: string; authorization: { type: string; credentials_file: string }; static_configs?: Array<{ targets: string[] }>; dns_sd_configs?: Array<{ names: string[]; port: number }> }> };
    const jobs = Object.fromEntries(prom.scrape_configs.map((j) => [j.job_name, j]));
    expect(jobs['conduit-designer']?.static_configs?.[0]?.targets).toEqual(['designer:3000']);
    expect(jobs['conduit-worker']?.dns_sd_configs?.[0]).toMatchObject({ names: ['worker'], port: 9464 });
    for (const job of Object.values(jobs)) expect(job).toMatchObject({ metrics_path: '/metrics', authorization: { type: 'Bearer', credentials_file: '/etc/prometheus/metrics-token' } });
    const mounts = compose.services.prometheus?.volumes ?? [];
    expect(mounts).toContain('./metrics-token:/etc/prometheus/metrics-token:ro');
  });

  it('queries only metrics the registry exports, in every panel', () => {
    registerDeadLetterBacklog(async () => []);
    const dashboard = JSON.parse(read('grafana-dashboard.json')) as { uid: string; panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    const titles = dashboard.panels.map((p) => p.title).join(' | ');
    for (const topic of ['Runs completed per second', 'p50 / p95', 'Failures by reason', 'Dead-letter backlog', 'Rate-limiter waits']) expect(titles).toContain(topic);
    for (const panel of dashboard.panels) {
      expect(panel.targets.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets) {
        const names = target.expr.match(/\b(conduit|process|nodejs)_[a-z_]+/g) ?? [];
        expect(names.length, `${panel.title}: ${target.expr}`).toBeGreaterThan(0);
        for (const name of names) {
          const base = name.replace(/_(bucket|sum|count)$/, '');
          expect(registry.getSingleMetric(name) ?? registry.getSingleMetric(base), `${panel.title} uses ${name}`).toBeDefined();
        }
      }
    }
  });
});
