// How the worker and the designer reach Temporal: a local dev server (plain gRPC), a self-hosted cluster
// with mTLS, or Temporal Cloud with mTLS or an API key. Both apps spread `temporalEnvShape` into their
// env schema and pass the parsed values to `temporalConnectionOptions`.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const pem = z
  .string()
  .min(1)
  .optional()
  .describe('PEM text, or the path of a file holding it');

export const temporalEnvShape = {
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  /** mTLS client certificate and key (Temporal Cloud, or a cluster requiring client certificates). */
  TEMPORAL_TLS_CERT: pem,
  TEMPORAL_TLS_KEY: pem,
  /** CA of a self-hosted cluster's server certificate; system roots are used without it. */
  TEMPORAL_TLS_CA: pem,
  TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
  /** `1`: TLS without client certificates (a cluster behind a TLS proxy). Implied by the settings above. */
  TEMPORAL_TLS: z.enum(['0', '1']).default('0'),
  /** Temporal Cloud API key (sent as a bearer token over TLS). */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
};

export type TemporalEnv = z.infer<z.ZodObject<typeof temporalEnvShape>>;

/** A sentence naming the variable when the combination cannot work, else undefined. */
export function temporalEnvProblem(env: TemporalEnv): string | undefined {
  if (Boolean(env.TEMPORAL_TLS_CERT) !== Boolean(env.TEMPORAL_TLS_KEY)) return 'TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together: set both for mTLS, or neither';
  if (env.TEMPORAL_API_KEY && env.TEMPORAL_TLS_CERT) return 'TEMPORAL_API_KEY and TEMPORAL_TLS_CERT are two ways to authenticate; set one';
  return undefined;
}

export interface TemporalConnectionOptions {
  address: string;
  tls?: { serverNameOverride?: string; serverRootCACertificate?: Buffer; clientCertPair?: { crt: Buffer; key: Buffer } } | true;
  apiKey?: string;
}

const readPem = (name: string, value: string): Buffer => {
  if (value.includes('-----BEGIN')) return Buffer.from(value);
  try {
    return readFileSync(value);
  } catch (cause) {
    throw new Error(`${name}: cannot read ${value}; give the PEM text or a readable file path.`, { cause });
  }
};

/** Options for NativeConnection.connect (worker) and Connection.connect (designer). */
export function temporalConnectionOptions(env: TemporalEnv): TemporalConnectionOptions {
  const problem = temporalEnvProblem(env);
  if (problem) throw new Error(`${problem}.`);
  const tls = {
    ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
    ...(env.TEMPORAL_TLS_CA ? { serverRootCACertificate: readPem('TEMPORAL_TLS_CA', env.TEMPORAL_TLS_CA) } : {}),
    ...(env.TEMPORAL_TLS_CERT && env.TEMPORAL_TLS_KEY ? { clientCertPair: { crt: readPem('TEMPORAL_TLS_CERT', env.TEMPORAL_TLS_CERT), key: readPem('TEMPORAL_TLS_KEY', env.TEMPORAL_TLS_KEY) } } : {}),
  };
  const wantsTls = Object.keys(tls).length > 0 || env.TEMPORAL_API_KEY !== undefined || env.TEMPORAL_TLS === '1';
  return {
    address: env.TEMPORAL_ADDRESS,
    ...(wantsTls ? { tls: Object.keys(tls).length ? tls : true } : {}),
    ...(env.TEMPORAL_API_KEY ? { apiKey: env.TEMPORAL_API_KEY } : {}),
  };
}
