import { Client, Connection } from '@temporalio/client';
import { env } from '../env';

const holder = globalThis as unknown as { conduitTemporal?: Promise<Client> };

export function temporal(): Promise<Client> {
  holder.conduitTemporal ??= Connection.connect({ address: env().TEMPORAL_ADDRESS, connectTimeout: 3000 })
    .then((connection) => new Client({ connection, namespace: env().TEMPORAL_NAMESPACE }))
    .catch((error: unknown) => {
      holder.conduitTemporal = undefined;
      throw error;
    });
  return holder.conduitTemporal;
}
