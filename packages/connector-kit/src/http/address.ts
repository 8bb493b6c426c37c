// Classifies IP addresses for the outbound host guard. Edit when a new special-purpose range matters.
import { BlockList, isIP } from 'node:net';

export type AddressClass = 'public' | 'private' | 'metadata';

// Cloud instance-metadata endpoints: never reachable, not even for a connection that allows private hosts.
const metadata = new BlockList();
for (const ip of ['169.254.169.254', '169.254.170.2', '100.100.100.200']) metadata.addAddress(ip, 'ipv4');
metadata.addAddress('fd00:ec2::254', 'ipv6');

// Loopback, RFC 1918, CGNAT, link-local, documentation, benchmarking, multicast, reserved.
const special = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) special.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64], ['2002::', 16],
] as const) special.addSubnet(net, prefix, 'ipv6');

/** IPv4 embedded in IPv6 (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`) is judged as the IPv4 address. */
function embeddedIPv4(address: string): string | undefined {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return undefined;
  if (m[1]) return m[1];
  const hi = parseInt(m[2] ?? '0', 16);
  const lo = parseInt(m[3] ?? '0', 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

export function classifyAddress(address: string): AddressClass {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = embeddedIPv4(bare.toLowerCase());
  if (v4) return classifyAddress(v4);
  const family = isIP(bare) === 6 ? 'ipv6' : 'ipv4';
  if (isIP(bare) === 0) throw new Error(`not an IP address: ${address}`);
  if (metadata.check(bare, family)) return 'metadata';
  return special.check(bare, family) ? 'private' : 'public';
}
