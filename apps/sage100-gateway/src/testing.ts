// Test support: a seeded in-memory gateway on a free port and a tiny JSON client for it.
import { EmulatorControlClient } from './emulator/client';
import { startGateway, type RunningGateway } from './index';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { ok: boolean; data: T; warnings: { code: string; message: string; field?: string }[]; error: { code: string; message: string; sageMessage: string | null; field?: string; retryable: boolean } };
}

export interface TestGateway {
  gw: RunningGateway;
  emulator: EmulatorControlClient;
  api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

export async function startTestGateway(opts: { now?: () => Date } = {}): Promise<TestGateway> {
  const gw = await startGateway({ port: 0, dataFile: null, ...opts });
  return {
    gw,
    emulator: new EmulatorControlClient(gw.url),
    api: async (method, path, body, headers = {}) => {
      const res = await fetch(`${gw.url}${path.startsWith('/v1') ? path : `/v1/companies/ABC${path}`}`, {
        method,
        headers: { authorization: `Bearer ${gw.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as ApiResponse['body'] } as never;
    },
  };
}
