// API keys (§4.15): list, create (`?teamKey` makes a TEAM key), delete. Keys made here authenticate
// like the seeded ones; the seeded users' fixed keys are not listed and cannot be deleted.
import { randomBytes } from 'node:crypto';
import type { Ctx } from '../domain/ctx';
import type { Api } from '../http/api';
import { ApiError } from '../http/errors';
import { paged, q } from '../http/input';
import type { ApiKeyRec } from '../store/types';
import { teamFor } from './access';

const view = (k: ApiKeyRec) => ({ ...k, apiKeyKey: k.key });

export function registerApiKeys(api: Api, ctx: Ctx): void {
  const { store } = ctx;
  api.get('/v1/apikeys', (r) => {
    const mine = Object.values(store.state.apiKeys)
      .filter((k) => k.userKey === r.userKey)
      .sort((a, b) => a.creationTimestamp - b.creationTimestamp);
    return paged(mine, r.query, 100).results.map(view);
  });
  api.put('/v1/apikeys', (r) => {
    const teamKey = q(r.query, 'teamKey');
    if (teamKey !== undefined) teamFor(ctx, r.userKey, teamKey);
    const rec: ApiKeyRec = {
      key: store.newKey('apiKeys'),
      apiKey: `strk_${randomBytes(16).toString('hex')}`,
      userKey: r.userKey,
      keyType: teamKey === undefined ? 'USER' : 'TEAM',
      teamKey: teamKey ?? null,
      creationTimestamp: store.now(),
    };
    store.state.apiKeys[rec.key] = rec;
    store.changed();
    return view(rec);
  });
  api.del('/v1/apikeys/:apiKeyKey', (r) => {
    const rec = store.find('apiKeys', r.params.apiKeyKey);
    if (rec.userKey !== r.userKey) throw new ApiError(401, 'insufficient permissions for this resource');
    delete store.state.apiKeys[rec.key];
    store.changed();
    return { success: true };
  });
}
