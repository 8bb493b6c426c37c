// Streak connection settings and how they become an HTTP client: API key as Basic username.
import { z } from 'zod';
import { type HttpClientOptions, type HttpFailure, PermanentError, kitFor } from '@conduit/connector-kit';

export const STREAK_BASE_URL = 'https://api.streak.com/api';

export const streakAuthSchema = z.object({
  apiKey: z.string().trim().min(1).meta({ title: 'API key', description: 'Streak → Integrations → Create new key' }),
  baseUrl: z.url({ protocol: /^https?$/ }).default(STREAK_BASE_URL).meta({ title: 'API base URL', description: 'Change only for the Streak sandbox' }),
  allowPrivateHost: z.boolean().default(false).meta({ title: 'Allow private host', description: 'Needed when the base URL is a local sandbox' }),
  requestsPerSecond: z.number().int().min(1).max(1000).default(10).meta({ title: 'Requests per second', description: 'Streak asks for at most ~10/s per key; raise it only for the sandbox' }),
});
export type StreakAuth = z.output<typeof streakAuthSchema>;

export const { defineAction, defineTrigger } = kitFor<StreakAuth>();

// Streak answers a malformed entity key with 400 "Illegal Argument Exception in GetEntities, usually a key issue"
// and some lookups with "existing entity does not exist": for the caller both mean the object is not there.
// Only these known messages are mapped, so a 400 about something else keeps its validation meaning.
const MISSING = /usually a key issue|existing entity does not exist/i;

function classify(f: HttpFailure) {
  if (f.status === 400 && f.subject && MISSING.test(f.remoteMessage ?? '')) {
    return new PermanentError('not_found', {
      connector: f.connector, subject: f.subject, status: f.status, remoteMessage: f.remoteMessage,
      message: `Streak: ${f.subject.type} ${f.subject.key ?? ''} was not found (HTTP 400): ${f.remoteMessage}`,
    });
  }
  return undefined;
}

export function streakHttp(auth: StreakAuth): Omit<HttpClientOptions, 'log' | 'signal' | 'limiterKey'> {
  const basic = Buffer.from(`${auth.apiKey}:`).toString('base64');
  return {
    baseUrl: auth.baseUrl,
    connector: 'Streak',
    headers: { authorization: `Basic ${basic}` },
    secrets: [auth.apiKey, basic],
    allowPrivateHost: auth.allowPrivateHost,
    // Streak asks integrators to stay under ~10 requests/s per key (the default).
    rateLimit: { ratePerSec: auth.requestsPerSecond, burst: auth.requestsPerSecond },
    classify,
  };
}
