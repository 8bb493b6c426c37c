import { createDb, createSecretBox, type Db, type SecretBox } from '@conduit/db';
import { env } from '../env';

// One client per server process; Next's dev server reloads modules, so keep it on globalThis.
const holder = globalThis as unknown as { conduitDb?: Db; conduitSecrets?: SecretBox };

export function db(): Db {
  holder.conduitDb ??= createDb({ databaseUrl: env().DATABASE_URL });
  return holder.conduitDb;
}

export function secrets(): SecretBox {
  holder.conduitSecrets ??= createSecretBox(env().CONDUIT_SECRET_KEYS);
  return holder.conduitSecrets;
}
