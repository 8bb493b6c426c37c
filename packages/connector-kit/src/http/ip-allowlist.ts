// IP allowlists for inbound traffic (webhook ingress per environment, the Sage 100 gateway): exact
// addresses or CIDR ranges, IPv4 and IPv6. Edit when an allowlist needs a new kind of entry.
import { BlockList, isIP } from 'node:net';

const family = (ip: string) => (isIP(ip) === 6 ? 'ipv6' : 'ipv4');

/** An IPv4 client on a dual-stack socket shows up as `::ffff:a.b.c.d`; it is judged as the IPv4 address. */
function bare(ip: string): string {
  const s = ip.trim().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  return mapped?.[1] ?? s;
}

/** Why an entry is not an address or CIDR range, or null when it is one. */
export function allowlistEntryProblem(entry: string): string | null {
  const [address = '', prefix, extra] = entry.trim().split('/');
  const ip = bare(address);
  if (extra !== undefined || !isIP(ip)) return `“${entry}” is not an IP address or CIDR range (e.g. 203.0.113.0/24 or 2001:db8::/32)`;
  if (prefix === undefined) return null;
  const max = isIP(ip) === 6 ? 128 : 32;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max ? null : `“${entry}” has a prefix length outside 0-${max}`;
}

/**
 * True when `ip` is on the list; an empty list allows everyone. Entries that are not valid are skipped,
 * so a damaged list refuses more, never less.
 */
export function ipAllowed(entries: readonly string[], ip: string | null | undefined): boolean {
  if (entries.length === 0) return true;
  const client = ip ? bare(ip) : '';
  if (!isIP(client)) return false;
  const list = new BlockList();
  for (const entry of entries) {
    if (allowlistEntryProblem(entry)) continue;
    const [address = '', prefix] = entry.trim().split('/');
    const net = bare(address);
    if (prefix === undefined) list.addAddress(net, family(net));
    else list.addSubnet(net, Number(prefix), family(net));
  }
  return list.check(client, family(client));
}
