// API-key auth as Streak does it: HTTP Basic with the key as username (password ignored; some tools
// repeat the key as the password) or, per the 2026 OpenAPI, `Authorization: Bearer <key>`.
import type { Store } from '../store/store';
import { ApiError } from './errors';

export function apiKeyFrom(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? '')) return value || null;
  if (!/^basic$/i.test(scheme ?? '')) return null;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user || (colon === -1 ? null : decoded.slice(colon + 1) || null);
}

export function authenticate(store: Store, header: string | undefined): string {
  const byKey = store.memo(
    'usersByApiKey',
    () =>
      new Map([
        ...Object.values(store.state.users).map((u): [string, string] => [u.apiKey, u.key]),
        ...Object.values(store.state.apiKeys).map((k): [string, string] => [k.apiKey, k.userKey]),
      ]),
  );
  const key = apiKeyFrom(header);
  const userKey = key ? byKey.get(key) : undefined;
  if (!userKey) throw new ApiError(401, 'invalid api key');
  return userKey;
}
