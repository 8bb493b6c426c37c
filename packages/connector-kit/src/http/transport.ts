// Sends one attempt of a request, following redirects by hand so the host policy sees every hop.
import { type Agent, request as undiciRequest } from 'undici';
import { PermanentError } from '../errors';
import type { HostPolicy } from './host-policy';

export interface RawRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Reads a body as text, refusing one larger than `max` bytes so a hostile or broken server cannot exhaust memory. */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }, max: number, connector: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > max) {
      body.destroy();
      throw new PermanentError('validation', { connector, message: `${connector}: response larger than ${max} bytes refused` });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function sendOnce(opts: { agent: Agent; policy: HostPolicy; maxRedirects: number; maxResponseBytes: number; connector: string }, req: RawRequest): Promise<RawResponse> {
  let { method, url, body, headers } = req;
  for (let hop = 0; ; hop++) {
    opts.policy.checkUrl(url);
    const res = await undiciRequest(url, { dispatcher: opts.agent, method: method as 'GET', headers, body, signal: req.signal });
    const resHeaders = flatHeaders(res.headers);
    const location = resHeaders['location'];
    if (!REDIRECTS.has(res.statusCode) || !location) {
      return { status: res.statusCode, headers: resHeaders, text: await readCapped(res.body, opts.maxResponseBytes, opts.connector), url };
    }
    await res.body.dump();
    if (hop >= opts.maxRedirects) {
      throw new PermanentError('validation', { connector: opts.connector, message: `${opts.connector}: more than ${opts.maxRedirects} redirects from ${req.url.pathname}` });
    }
    const next = new URL(location, url);
    // Credentials go only to the origin they were configured for.
    if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^(authorization|cookie)$/i.test(k)));
    if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'content-type'));
    }
    url = next;
  }
}
