// A typed client for the /__sandbox control API, for connector, engine and e2e tests.
import type { Faults } from './http/faults';
import type { DeliveryRec } from './store/types';

export type { Faults };
export type Delivery = DeliveryRec;

export interface SandboxInfo {
  apiKey: string;
  users: { userKey: string; email: string; name: string; apiKey: string }[];
  teams: { teamKey: string; name: string }[];
  pipelines: { pipelineKey: string; name: string }[];
  counts: { boxes: number; contacts: number; organizations: number; webhooks: number };
}

export interface SandboxControl {
  info(): Promise<SandboxInfo>;
  /** Empty the sandbox (demo team and users stay, so API keys keep working); `seed: true` reloads the demo data. */
  reset(opts?: { seed?: boolean }): Promise<SandboxInfo>;
  seed(): Promise<SandboxInfo>;
  faults(): Promise<Faults>;
  /** Merge a partial fault configuration into the current one. */
  setFaults(patch: Partial<Faults>): Promise<Faults>;
  clearFaults(): Promise<Faults>;
  /** Newest first. */
  deliveries(opts?: { limit?: number; webhookKey?: string }): Promise<Delivery[]>;
  clearDeliveries(): Promise<void>;
}

export function sandboxControl(url: string): SandboxControl {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json()) as T & { error?: string };
    if (!res.ok)
      throw new Error(`sandbox control ${method} ${path} failed: ${res.status} ${data.error ?? ''}`);
    return data;
  };
  return {
    info: () => call('GET', ''),
    reset: (opts = {}) => call('POST', '/reset', { seed: opts.seed === true }),
    seed: () => call('POST', '/seed', {}),
    faults: () => call('GET', '/faults'),
    setFaults: (patch) => call('POST', '/faults', patch),
    clearFaults: () => call('DELETE', '/faults'),
    deliveries: async (opts = {}) => {
      const qs = new URLSearchParams();
      if (opts.limit) qs.set('limit', String(opts.limit));
      if (opts.webhookKey) qs.set('webhookKey', opts.webhookKey);
      return (await call<{ deliveries: Delivery[] }>('GET', `/deliveries?${qs}`)).deliveries;
    },
    clearDeliveries: async () => {
      await call('DELETE', '/deliveries');
    },
  };
}
