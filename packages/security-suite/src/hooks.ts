// Drives the designer's real webhook route handler in process, the way Next.js calls it.
import type { OperateTest } from './designer';

export interface Endpoint {
  key: string;
  endpointId: string;
  token: string;
}

export async function endpointOf(t: OperateTest, environmentId: string): Promise<Endpoint> {
  const { secrets } = await import('@conduit/designer/src/server/db');
  const e = await t.db.environment.findUniqueOrThrow({ where: { id: environmentId } });
  return { key: e.key, endpointId: e.webhookEndpointId, token: secrets().decrypt(e.webhookSecretEnc) };
}

export interface Delivery {
  token?: string | null;
  event?: string | null;
  body?: BodyInit | null;
  headers?: Record<string, string>;
  endpoint?: Partial<Endpoint>;
}

export async function deliver(ep: Endpoint, d: Delivery = {}): Promise<{ status: number; body: { ok: boolean; message: string } & Record<string, unknown> }> {
  const { POST } = await import('@conduit/designer/src/app/api/hooks/streak/[env]/[endpoint]/route');
  const target = { ...ep, ...d.endpoint };
  const event = d.event === undefined ? 'BOX_CHANGE_STAGE' : d.event;
  const url = `http://127.0.0.1/api/hooks/streak/${target.key}/${target.endpointId}${event === null ? '' : `?event=${event}`}`;
  const token = d.token === undefined ? ep.token : d.token;
  const headers = new Headers({ 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.20', ...d.headers });
  if (token !== null) headers.set('x-streak-webhook-token', token);
  const body = d.body === undefined ? JSON.stringify([{ boxKey: 'bx-1', stageKey: '5003', lastUpdatedTimestamp: 1 }]) : d.body;
  const req = new Request(url, { method: 'POST', headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
  const res = await POST(req, { params: Promise.resolve({ env: target.key, endpoint: target.endpointId }) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; message: string } };
}

/** A body stream that records whether anything pulled from it. */
export function watchedBody(bytes: number): { stream: ReadableStream<Uint8Array>; pulled: () => boolean } {
  let pulled = false;
  let left = bytes;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled = true;
      const n = Math.min(left, 64 * 1024);
      if (n === 0) return controller.close();
      left -= n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled };
}
