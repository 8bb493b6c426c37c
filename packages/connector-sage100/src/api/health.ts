// The gateway's unauthenticated /health: is it there, which backend, which companies, what time Sage thinks it is.
import { type HttpClient, PermanentError } from '@conduit/connector-kit';

export interface GatewayHealth {
  status: string;
  backend: 'emulator' | 'com';
  companies: string[];
  /** Sage server local time, `YYYY-MM-DDTHH:MM:SS`. */
  serverTime: string;
}

export async function gatewayHealth(http: HttpClient): Promise<GatewayHealth> {
  const body = await http.json<{ ok?: boolean; data?: GatewayHealth }>({ path: '/health', subject: { type: 'gateway' } });
  if (body?.ok !== true || !body.data) {
    throw new PermanentError('validation', { connector: 'Sage 100', subject: { type: 'connection', field: 'baseUrl' }, message: `Sage 100: ${http.baseUrl} answers, but it is not a Conduit Sage 100 gateway (no /health envelope)` });
  }
  return body.data;
}
