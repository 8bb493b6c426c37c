// Decides which hosts and resolved addresses a connection may reach. Redirect hops and DNS answers
// are checked here too, so neither can smuggle a request to an internal address.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { classifyAddress } from './address';

export interface HostPolicyOptions {
  /** The connection's own host (from its base URL). */
  ownHost: string;
  /** Let the connection's own host be private/loopback (a local sandbox, an on-prem gateway). */
  allowPrivateHost?: boolean;
  /** Further hosts this connection may reach, e.g. redirect targets. `*.example.com` matches subdomains. */
  allowedHosts?: string[];
}

/** Raised inside DNS lookups and host checks; the HTTP client turns it into a PermanentError. */
export class HostBlockedError extends Error {
  override readonly name = 'HostBlockedError';
  readonly code = 'ERR_CONDUIT_HOST_BLOCKED';
}

export interface HostPolicy {
  /** Throws HostBlockedError when the URL's host may not be contacted at all. */
  checkUrl(url: URL): void;
  /** Throws HostBlockedError when `host` may not connect to `address`. */
  checkAddress(host: string, address: string): void;
  /** A `dns.lookup` replacement for sockets: resolves, then refuses if any answer is blocked. */
  lookup: typeof dnsLookup;
}

const normalise = (host: string) => host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

export function createHostPolicy(opts: HostPolicyOptions): HostPolicy {
  const own = normalise(opts.ownHost);
  const patterns = [own, ...(opts.allowedHosts ?? []).map(normalise)];
  const hostAllowed = (host: string) =>
    patterns.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) : host === p));

  const checkAddress = (host: string, address: string) => {
    const cls = classifyAddress(address);
    if (cls === 'public') return;
    if (cls === 'private' && opts.allowPrivateHost && normalise(host) === own) return;
    throw new HostBlockedError(`${host} resolves to ${cls} address ${address}; refused${cls === 'private' ? ' (the connection does not allow private hosts)' : ''}`);
  };

  const checkUrl = (url: URL) => {
    const host = normalise(url.hostname);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new HostBlockedError(`protocol ${url.protocol} is not allowed`);
    if (!hostAllowed(host)) throw new HostBlockedError(`host ${host} is not in this connection's allowlist`);
    // Credentials travel in clear over http, so only to the connection's own host when it may be private (a LAN gateway, a local sandbox).
    if (url.protocol === 'http:' && !(opts.allowPrivateHost && host === own)) throw new HostBlockedError(`plain http to ${host} is refused; use https`);
    if (isIP(host)) checkAddress(host, host);
    else if (host === 'localhost' || host.endsWith('.localhost')) checkAddress(host, '127.0.0.1');
  };

  const lookup = ((hostname: string, options: unknown, callback: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (err: Error | null, address?: string | LookupAddress[], family?: number) => void;
    const o = (typeof options === 'object' && options !== null ? options : {}) as { all?: boolean; family?: number };
    dnsLookup(hostname, { family: o.family ?? 0, all: true }, (err, addresses) => {
      if (err) return cb(err);
      try {
        for (const a of addresses) checkAddress(hostname, a.address);
      } catch (e) {
        return cb(e as Error);
      }
      const first = addresses[0];
      if (o.all) cb(null, addresses);
      else if (first) cb(null, first.address, first.family);
      else cb(new Error(`${hostname} did not resolve`));
    });
  }) as typeof dnsLookup;

  return { checkUrl, checkAddress, lookup };
}
