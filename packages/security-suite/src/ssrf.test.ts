// SSRF through the designer: an admin testing or saving a connection whose base URL points at loopback,
// private, link-local or cloud-metadata addresses (in every spelling the URL parser accepts) is refused
// unless the connection explicitly allows a private host, metadata is refused even then, and redirects
// cannot carry a request anywhere the first URL could not go. A listener on loopback proves no request
// ever arrived where it was refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOperateTest, type OperateTest } from './designer';

let t: OperateTest;
let trap: Server;
let trapPort = 0;
let hits = 0;
let redirector: Server;
let redirectTo = '';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  t = await setupOperateTest();
  trap = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  trapPort = await listen(trap);
  redirector = createServer((_req, res) => res.writeHead(302, { location: redirectTo }).end());
  await listen(redirector);
});
afterAll(async () => {
  trap?.close();
  redirector?.close();
  await t?.close();
});

type Outcome = { ok: boolean; reason?: string; explanation?: string };
const admin = () => t.caller('admin') as unknown as { connections: { testDraft(i: unknown): Promise<Outcome>; create(i: unknown): Promise<{ id: string }>; test(i: unknown): Promise<Outcome> } };
const draft = (baseUrl: string, allowPrivateHost = false) => admin().connections.testDraft({ environmentId: t.env.dev, kind: 'streak', name: 'ssrf', config: { baseUrl, allowPrivateHost }, secret: 'streak-key-123456' });

// Every spelling of loopback the WHATWG URL parser turns into 127.0.0.1 or ::1.
const loopback = (port: number) => [
  `http://127.0.0.1:${port}/api`, `http://127.1:${port}/api`, `http://2130706433:${port}/api`, `http://0x7f000001:${port}/api`,
  `http://0177.0.0.1:${port}/api`, `http://0x7f.0.0.1:${port}/api`, `http://localhost:${port}/api`, `http://LOCALHOST.:${port}/api`,
  `http://api.localhost:${port}/api`, `http://[::ffff:127.0.0.1]:${port}/api`, `http://[::ffff:7f00:1]:${port}/api`,
  `http://[0:0:0:0:0:ffff:127.0.0.1]:${port}/api`, `http://１２７.０.０.１:${port}/api`, `http://0.0.0.0:${port}/api`, `http://0:${port}/api`,
  `https://127.0.0.1:${port}/api`, `http://[::1]:${port}/api`, `http://[::]:${port}/api`,
];
const elsewhere = [
  'http://169.254.169.254/latest/meta-data/', 'http://2852039166/latest/meta-data/', 'http://0xa9fea9fe/', 'http://0251.0376.0251.0376/',
  'http://[::ffff:169.254.169.254]/', 'http://[::ffff:a9fe:a9fe]/', 'http://[fd00:ec2::254]/', 'http://169.254.170.2/v2/credentials',
  'http://100.100.100.200/latest/meta-data/', 'http://10.0.0.1/', 'http://172.16.0.1/', 'http://192.168.1.1/', 'http://100.64.0.1/',
  'http://[fc00::1]/', 'http://[fe80::1]/', 'https://10.1.2.3/api', 'http://[64:ff9b::a9fe:a9fe]/',
];

describe('SSRF through connection tests and saves', () => {
  it('refuses loopback in every spelling without sending a request', async () => {
    for (const url of loopback(trapPort)) {
      const r = await draft(url);
      expect(r, url).toMatchObject({ ok: false, reason: 'host_blocked' });
    }
    expect(hits).toBe(0);
  });

  it('refuses private, link-local and metadata addresses', async () => {
    for (const url of elsewhere) expect(await draft(url), url).toMatchObject({ ok: false, reason: 'host_blocked' });
  });

  it('still refuses metadata when the connection allows a private host', async () => {
    for (const url of elsewhere.filter((u) => /169\.254|a9fe|2852039166|0251|fd00:ec2|100\.100\.100\.200/.test(u)))
      expect(await draft(url, true), url).toMatchObject({ ok: false, reason: 'host_blocked' });
  });

  it('reaches a private host once explicitly allowed (the control for the refusals above)', async () => {
    const before = hits;
    await draft(`http://127.0.0.1:${trapPort}/api`, true);
    expect(hits).toBeGreaterThan(before);
  });

  it('does not follow redirects from an allowed host to metadata, another private host or loopback by another name', async () => {
    const port = (redirector.address() as AddressInfo).port;
    for (const target of ['http://169.254.169.254/latest/meta-data/', `http://127.0.0.2:${trapPort}/`, `http://localhost:${trapPort}/`, 'http://10.0.0.1/', `http://[::1]:${trapPort}/`, `file:///etc/passwd`, `gopher://127.0.0.1:${trapPort}/_x`]) {
      redirectTo = target;
      const before = hits;
      const r = await draft(`http://127.0.0.1:${port}/api`, true);
      expect(r.ok, target).toBe(false);
      expect(hits, target).toBe(before);
    }
  });

  it('applies the same guard to a saved connection tested later', async () => {
    const created = await admin().connections.create({ environmentId: t.env.dev, kind: 'sage100', name: 'metadata gateway', config: { baseUrl: 'http://169.254.169.254/', company: 'ABC', allowPrivateHost: true }, secret: 'gateway-token-123456' });
    expect(await admin().connections.test({ id: created.id })).toMatchObject({ ok: false, reason: 'host_blocked' });
  });
});

// Found by this suite: alert channels posted with plain fetch, so an admin's webhook or SMTP channel could be
// aimed at the cloud metadata service. Receivers on the LAN stay allowed (that is where they often live).
describe('SSRF through alert channels', () => {
  type Alerts = { alerts: { createChannel(i: unknown): Promise<{ id: string }>; testChannel(i: unknown): Promise<{ ok: boolean; message: string }> } };
  const alerts = () => (t.caller('admin') as unknown as Alerts).alerts;

  it('never sends a webhook or mail alert to a metadata address, in any spelling', async () => {
    const channels = [
      ...['http://169.254.169.254/latest/meta-data/', 'http://[::ffff:a9fe:a9fe]/', 'http://2852039166/', 'http://[fd00:ec2::254]/', 'http://100.100.100.200/'].map((url) => ({ kind: 'webhook', name: `meta ${url}`, config: { url } })),
      { kind: 'email', name: 'meta mail', config: { host: '169.254.169.254', port: 25, from: 'a@example.com', to: ['b@example.com'] } },
    ];
    for (const c of channels) {
      const { id } = await alerts().createChannel(c);
      expect(await alerts().testChannel({ id }), c.name).toMatchObject({ ok: false, message: expect.stringMatching(/metadata address/) });
    }
  });

  it('refuses non-http URLs and still delivers to a receiver on the LAN', async () => {
    const file = await alerts().createChannel({ kind: 'webhook', name: 'file', config: { url: 'file:///etc/passwd' } });
    expect(await alerts().testChannel({ id: file.id })).toMatchObject({ ok: false });
    const before = hits;
    const lan = await alerts().createChannel({ kind: 'webhook', name: 'lan', config: { url: `http://127.0.0.1:${trapPort}/hook` } });
    expect(await alerts().testChannel({ id: lan.id })).toMatchObject({ ok: true });
    expect(hits).toBe(before + 1);
  });
});
