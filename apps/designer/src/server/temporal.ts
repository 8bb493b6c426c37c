import { temporalConnectionOptions } from '@conduit/engine/client';
import { clientWorkflowInterceptors } from '@conduit/telemetry/temporal-client';
import { Client, Connection } from '@temporalio/client';
import { env } from '../env';

const holder = globalThis as unknown as { conduitTemporal?: Promise<Client> };

export function temporal(): Promise<Client> {
  holder.conduitTemporal ??= Connection.connect({ ...temporalConnectionOptions(env()), connectTimeout: 3000 })
    // While tracing is on, starting a run carries the webhook request's trace into the workflow.
    .then((connection) => new Client({ connection, namespace: env().TEMPORAL_NAMESPACE, interceptors: { workflow: clientWorkflowInterceptors() } }))
    .catch((error: unknown) => {
      holder.conduitTemporal = undefined;
      throw error;
    });
  return holder.conduitTemporal;
}
