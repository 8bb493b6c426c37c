// The one HTTP helper: every call goes to /v1/companies/<CO>/… on the gateway, unwraps its
// `{ ok, data, warnings }` envelope, forwards the engine's idempotency key, and words failures for the operation.
import { ConnectorError, type ErrorSubject, type HttpClient, type HttpMethod, PermanentError, type QueryValue, describeSubject } from '@conduit/connector-kit';
import type { Sage100Auth } from '../auth';
import { restate } from './errors';

export interface SageWarning {
  code: string;
  message: string;
  field?: string;
}

export interface GatewayCall {
  method?: HttpMethod;
  /** Below `/v1/companies/<CO>/`, already URL-encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  json?: unknown;
  /** The Sage object the call is about; failures carry it (plus the field Sage names). */
  subject: ErrorSubject;
  /** How messages name the operation when that differs from the subject: "sales order for customer 01-ABF". */
  what?: string;
  /** Sent as Idempotency-Key: the gateway returns the first result for a repeated key. */
  idempotencyKey?: string;
  /** May a 5xx/timeout be resent? Defaults to the method's nature, or true with an idempotency key. */
  idempotent?: boolean;
}

export interface GatewayResult<T> {
  data: T;
  warnings: SageWarning[];
  /** The gateway answered from its idempotency ledger: this is the first call's record. */
  replayed: boolean;
}

export interface GatewayContext {
  http: HttpClient;
  auth: Sage100Auth;
}

export const enc = encodeURIComponent;

export async function callGateway<T>(ctx: GatewayContext, call: GatewayCall): Promise<GatewayResult<T>> {
  const what = call.what ?? describeSubject(call.subject);
  try {
    const res = await ctx.http.request<{ ok?: unknown; data?: T; warnings?: SageWarning[] }>({
      method: call.method ?? 'GET',
      path: `/v1/companies/${enc(ctx.auth.company)}/${call.path}`,
      subject: call.subject,
      ...(call.query ? { query: call.query } : {}),
      ...(call.json !== undefined ? { json: call.json } : {}),
      ...(call.idempotencyKey ? { headers: { 'idempotency-key': call.idempotencyKey } } : {}),
      ...(call.idempotent !== undefined || call.idempotencyKey ? { idempotent: call.idempotent ?? true } : {}),
    });
    if (res.body?.ok !== true || res.body.data === undefined) {
      throw new PermanentError('internal', { connector: 'Sage 100', subject: call.subject, message: `Sage 100: ${what}: the server did not answer with the gateway's response envelope (is the URL the Conduit gateway?)` });
    }
    return { data: res.body.data, warnings: res.body.warnings ?? [], replayed: res.headers['idempotent-replay'] === 'true' };
  } catch (err) {
    // Failures the gateway answered (they carry a status) are reworded for the operation; transport ones already name the request.
    if (call.what && err instanceof ConnectorError && err.status !== undefined && err.type !== 'RateLimitedError') throw restate(err, call.what);
    throw err;
  }
}

/** `01-ABF` → the gateway's body fields; without a dash the division is 00, as Sage reads it. */
export function splitCustomerKey(key: string): { arDivisionNo: string; customerNo: string } {
  const k = key.trim();
  const dash = k.indexOf('-');
  return dash === 1 || dash === 2 ? { arDivisionNo: k.slice(0, dash), customerNo: k.slice(dash + 1) } : { arDivisionNo: '00', customerNo: k };
}

/** The key as Sage stores it, for messages: `1-123` → `01-0000123` (division zero-filled, numeric numbers padded to 7). */
export function customerKeyOf(parts: { arDivisionNo: string; customerNo?: string }): string {
  const div = parts.arDivisionNo.trim().toUpperCase();
  const no = (parts.customerNo ?? '').trim().toUpperCase();
  return `${/^\d$/.test(div) ? `0${div}` : div}-${/^\d{1,6}$/.test(no) ? no.padStart(7, '0') : no || '(next number)'}`;
}

/** `1-abf` → `01-ABF`: how messages and subjects show a customer the caller named. */
export const shownCustomer = (customerKey: string): string => customerKeyOf(splitCustomerKey(customerKey));

export const customerSubject = (customerKey: string): ErrorSubject => ({ type: 'customer', key: shownCustomer(customerKey) });
