// The optional IP allowlists: per environment for webhook ingress (set by an admin through the designer,
// checked before the token and the body) and for the Sage 100 gateway (checked before its bearer token).
import { allowlistEntryProblem, ipAllowed } from '@conduit/connector-kit';
import { readEnv as readGatewayEnv, startGateway } from '@conduit/sage100-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, setupOperateTest, type OperateTest } from './designer';
import { deliver, endpointOf, watchedBody, type Endpoint } from './hooks';

describe('allowlist entries', () => {
  it('matches exact addresses and CIDR ranges in both families, IPv4-mapped clients as IPv4', () => {
    const list = ['203.0.113.0/24', '198.51.100.7', '2001:db8::/32'];
    for (const ip of ['203.0.113.1', '203.0.113.255', '198.51.100.7', '::ffff:203.0.113.9', '2001:db8::1', '[2001:db8:ffff::2]']) expect(ipAllowed(list, ip), ip).toBe(true);
    for (const ip of ['203.0.114.1', '198.51.100.8', '2001:db9::1', '127.0.0.1', '::1', null, undefined, '', 'not-an-ip', '203.0.113.1, 10.0.0.1']) expect(ipAllowed(list, ip), String(ip)).toBe(false);
    expect(ipAllowed([], '10.0.0.1')).toBe(true);
    expect(ipAllowed(['0.0.0.0/0'], '8.8.8.8')).toBe(true);
  });

  it('names what is wrong with a bad entry, and a damaged list refuses rather than allows', () => {
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0', '10.0.0.0/8/8', '1.2.3.4/-1', 'example.com', '', '10.0.0.0/0x8'])
      expect(allowlistEntryProblem(bad), bad).toMatch(/not an IP address|prefix length/);
    expect(allowlistEntryProblem('10.0.0.0/8')).toBeNull();
    expect(ipAllowed(['10.0.0.0/33'], '10.0.0.1')).toBe(false);
  });
});

describe('webhook ingress allowlist per environment', () => {
  let t: OperateTest;
  let dev: Endpoint;
  beforeAll(async () => {
    t = await setupOperateTest();
    dev = await endpointOf(t, t.env.dev);
  });
  afterAll(() => t?.close());

  const setList = (role: 'admin' | 'builder', ipAllowlist: string[]) => callAs(t.caller(role), 'environments.update', { id: t.env.dev, settings: { ipAllowlist } });
  // The ingress caches an environment for a few seconds; each case uses a fresh endpoint id so the new list applies at once.
  async function rotateEndpoint() {
    const id = `sec-${crypto.randomUUID()}`;
    await t.db.environment.update({ where: { id: t.env.dev }, data: { webhookEndpointId: id } });
    dev = { ...dev, endpointId: id };
  }

  it('is set by admins only, and refuses entries that are not addresses or ranges', async () => {
    expect(await setList('builder', ['10.0.0.0/8'])).toBe('FORBIDDEN');
    expect(await setList('admin', ['10.0.0.0/33'])).toBe('BAD_REQUEST');
    expect(await setList('admin', ['not an ip'])).toBe('BAD_REQUEST');
    expect(await setList('admin', ['198.51.100.0/24', '2001:db8::/32'])).toBe('OK');
    expect((await t.db.environment.findUniqueOrThrow({ where: { id: t.env.dev } })).ipAllowlist).toEqual(['198.51.100.0/24', '2001:db8::/32']);
  });

  it('refuses other addresses with 403 before the token is checked or the body read, and lets listed ones in', async () => {
    await setList('admin', ['198.51.100.0/24']);
    await rotateEndpoint();
    const body = watchedBody(10_000_000);
    const outside = await deliver(dev, { headers: { 'x-forwarded-for': '203.0.113.50' }, token: 'wrong', body: body.stream });
    expect(outside).toMatchObject({ status: 403, body: { ok: false, message: '203.0.113.50 is not on the IP allowlist of environment dev; an admin can add it under Environments.' } });
    expect(body.pulled()).toBe(false);
    expect(await t.db.webhookEvent.count()).toBe(0);
    expect((await deliver(dev, { headers: { 'x-forwarded-for': '198.51.100.20' } })).status).toBe(200);
  });

  it('trusts only the address the proxy wrote, not one the client put in front of it', async () => {
    await setList('admin', ['198.51.100.0/24']);
    await rotateEndpoint();
    // The client claims a listed address; the proxy (or Next.js) appends the real one on the right.
    expect((await deliver(dev, { headers: { 'x-forwarded-for': '198.51.100.20, 203.0.113.50' } })).status).toBe(403);
    expect((await deliver(dev, { headers: { 'x-forwarded-for': '203.0.113.50, 198.51.100.20' } })).status).toBe(200);
  });

  it('accepts everyone again once the list is emptied', async () => {
    await setList('admin', []);
    await rotateEndpoint();
    expect((await deliver(dev, { headers: { 'x-forwarded-for': '203.0.113.50' }, body: '[{"boxKey":"open"}]' })).status).toBe(200);
  });
});

describe('Sage 100 gateway allowlist', () => {
  it('reads SAGE100_GATEWAY_IP_ALLOWLIST as a list and refuses bad entries at start-up', () => {
    const base = { SAGE100_GATEWAY_TOKEN: 'gateway-token-0123456789' };
    const readEnv = (vars: Record<string, string>) => readGatewayEnv(vars as NodeJS.ProcessEnv);
    expect(readEnv(base).SAGE100_GATEWAY_IP_ALLOWLIST).toEqual([]);
    expect(readEnv({ ...base, SAGE100_GATEWAY_IP_ALLOWLIST: ' 10.0.0.0/8, 127.0.0.1 ' }).SAGE100_GATEWAY_IP_ALLOWLIST).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => readEnv({ ...base, SAGE100_GATEWAY_IP_ALLOWLIST: '10.0.0.0/8,intranet' })).toThrow(/“intranet” is not an IP address/);
  });

  it('answers 403 to an address off the list before looking at the token, and serves a listed one', async () => {
    const token = 'gateway-token-0123456789';
    const closed = await startGateway({ port: 0, dataFile: null, token, ipAllowlist: ['10.0.0.0/8'] });
    const open = await startGateway({ port: 0, dataFile: null, token, ipAllowlist: ['127.0.0.0/8', '::1'] });
    try {
      for (const auth of [`Bearer ${token}`, 'Bearer wrong', '']) {
        const r = await fetch(`${closed.url}/v1/companies`, { headers: { authorization: auth } });
        expect(r.status).toBe(403);
        expect(await r.text()).toMatch(/not on the gateway's IP allowlist/);
      }
      expect((await fetch(`${closed.url}/health`)).status).toBe(403);
      expect((await fetch(`${open.url}/v1/companies`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${open.url}/health`)).status).toBe(200);
    } finally {
      await closed.close();
      await open.close();
    }
  });
});
