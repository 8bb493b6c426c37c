import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { temporalConnectionOptions } from '@conduit/engine';
import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './env';

const base = { CONDUIT_SECRET_KEYS: 'k1:abc' };
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

describe('worker configuration for Temporal clusters and Temporal Cloud', () => {
  it('connects in plain gRPC to the local dev server by default', () => {
    const env = readWorkerEnv(base);
    expect(temporalConnectionOptions(env)).toEqual({ address: '127.0.0.1:7233' });
    expect(env.TEMPORAL_NAMESPACE).toBe('default');
  });

  it('takes mTLS certificates as PEM text or as file paths, with a namespace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conduit-tls-'));
    writeFileSync(join(dir, 'client.key'), KEY);
    const env = readWorkerEnv({ ...base, TEMPORAL_ADDRESS: 'acme.a1b2c.tmprl.cloud:7233', TEMPORAL_NAMESPACE: 'acme.a1b2c', TEMPORAL_TLS_CERT: CERT, TEMPORAL_TLS_KEY: join(dir, 'client.key') });
    const options = temporalConnectionOptions(env);
    expect(env.TEMPORAL_NAMESPACE).toBe('acme.a1b2c');
    expect(options.address).toBe('acme.a1b2c.tmprl.cloud:7233');
    expect(options.tls).toEqual({ clientCertPair: { crt: Buffer.from(CERT), key: Buffer.from(KEY) } });
    expect(options.apiKey).toBeUndefined();
  });

  it('sends an API key over TLS', () => {
    const options = temporalConnectionOptions(readWorkerEnv({ ...base, TEMPORAL_ADDRESS: 'us-east-1.aws.api.temporal.io:7233', TEMPORAL_API_KEY: 'tcak_example' }));
    expect(options).toEqual({ address: 'us-east-1.aws.api.temporal.io:7233', tls: true, apiKey: 'tcak_example' });
  });

  it('names the variable when the TLS settings cannot work', () => {
    expect(() => readWorkerEnv({ ...base, TEMPORAL_TLS_CERT: CERT })).toThrow(/^TEMPORAL_TLS_CERT: TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together/);
    expect(() => readWorkerEnv({ ...base, TEMPORAL_TLS_CERT: CERT, TEMPORAL_TLS_KEY: KEY, TEMPORAL_API_KEY: 'x' })).toThrow(/TEMPORAL_API_KEY and TEMPORAL_TLS_CERT are two ways/);
    expect(() => temporalConnectionOptions(readWorkerEnv({ ...base, TEMPORAL_TLS_CERT: '/nonexistent/c.pem', TEMPORAL_TLS_KEY: KEY }))).toThrow('TEMPORAL_TLS_CERT: cannot read /nonexistent/c.pem');
  });

  it('checks the observability settings', () => {
    const env = readWorkerEnv(base);
    expect({ port: env.WORKER_METRICS_PORT, host: env.WORKER_METRICS_HOST, level: env.LOG_LEVEL, otel: env.OTEL_EXPORTER_OTLP_ENDPOINT }).toEqual({ port: 9464, host: '127.0.0.1', level: 'info', otel: undefined });
    expect(() => readWorkerEnv({ ...base, WORKER_METRICS_PORT: '99999' })).toThrow(/^WORKER_METRICS_PORT:/);
    expect(() => readWorkerEnv({ ...base, METRICS_TOKEN: 'short' })).toThrow(/^METRICS_TOKEN: METRICS_TOKEN must be at least 16/);
    expect(() => readWorkerEnv({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/^OTEL_EXPORTER_OTLP_ENDPOINT:/);
    expect(() => readWorkerEnv({ ...base, LOG_LEVEL: 'verbose' })).toThrow(/^LOG_LEVEL:/);
  });
});
