// Sage 100 connection settings (the on-prem gateway's URL, its bearer token, one company) and how they
// become the connector's HTTP client.
import { z } from 'zod';
import { type HttpClientOptions, kitFor } from '@conduit/connector-kit';
import { classifyGatewayFailure } from './api/errors';

export const sage100AuthSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).meta({ title: 'Gateway URL', description: 'Where the Conduit Sage 100 gateway listens, e.g. https://sage.example.local:4030' }),
  token: z.string().trim().min(1).meta({ title: 'Gateway token', description: 'The bearer token printed by the gateway at install' }),
  company: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{3}$/, 'a Sage 100 company code is 3 letters or digits')
    .toUpperCase()
    .meta({ title: 'Company code', description: 'Sage 100 company, e.g. ABC' }),
  allowPrivateHost: z.boolean().default(false).meta({ title: 'Gateway is on the local network', description: 'Allow a private or loopback address (the gateway usually runs on-prem)' }),
  requestsPerSecond: z.number().int().min(1).max(1000).default(20).meta({ title: 'Requests per second', description: 'Cap on calls to this gateway; raise it only for a fast server or the emulator' }),
});
export type Sage100Auth = z.output<typeof sage100AuthSchema>;

export const { defineAction, defineTrigger } = kitFor<Sage100Auth>();

export function sage100Http(auth: Sage100Auth): Omit<HttpClientOptions, 'log' | 'signal' | 'limiterKey'> {
  return {
    baseUrl: auth.baseUrl,
    connector: 'Sage 100',
    headers: { authorization: `Bearer ${auth.token}` },
    secrets: [auth.token],
    allowPrivateHost: auth.allowPrivateHost,
    // The gateway drives a handful of BOI sessions; more than this only queues inside it.
    rateLimit: { ratePerSec: auth.requestsPerSecond, burst: auth.requestsPerSecond },
    // Sage writes (an order with many lines) can take a while on a busy server.
    timeoutMs: 60_000,
    remoteMessage: (body) => (isEnvelopeError(body) ? (body.error.sageMessage ?? body.error.message) : undefined),
    classify: classifyGatewayFailure,
  };
}

function isEnvelopeError(body: unknown): body is { error: { message: string; sageMessage: string | null } } {
  return typeof body === 'object' && body !== null && typeof (body as { error?: { message?: unknown } }).error?.message === 'string';
}
