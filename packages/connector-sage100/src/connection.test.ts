// "Test connection" tells the failures apart: a wrong token, an unknown company, an unreachable host, a
// server that is not the gateway, a private host not allowed, and settings that do not parse.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError, describeConnector, openConnection, testConnection } from '@conduit/connector-kit';
import { startGateway } from '@conduit/sage100-gateway';
import { sage100Connector } from './index';
import { type SageTarget, sageTarget } from './test/target';

describe('Sage 100 connection test', () => {
  let t: SageTarget;

  beforeAll(async () => {
    t = await sageTarget();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts good settings and names the company', async () => {
    const res = await testConnection(sage100Connector, t.auth);
    expect(res).toEqual({ ok: true, account: { id: 'ABC', name: expect.stringMatching(/^Sage 100 company ABC \(emulator, Sage time \d{4}-/) } });
  });

  it('tells a wrong token from an unknown company', async () => {
    const badToken = await testConnection(sage100Connector, { ...t.auth, token: 'wrong-token' });
    expect(badToken).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    expect(badToken.ok === false && badToken.message).toMatch(/^Sage 100: company ABC fails: Missing or wrong bearer token/);
    const badCompany = await testConnection(sage100Connector, { ...t.auth, company: 'ZZZ' });
    expect(badCompany).toMatchObject({ ok: false, reason: 'invalid_settings' });
    expect(badCompany.ok === false && badCompany.message).toMatch(/^Sage 100: company ZZZ fails: Company ZZZ is not served by this gateway/);
  });

  it('tells an unreachable gateway and a server that is not the gateway apart', async () => {
    const gw = await startGateway({ port: 0, dataFile: null, seed: false });
    await gw.close();
    expect(await testConnection(sage100Connector, { ...t.auth, baseUrl: gw.url })).toMatchObject({ ok: false, reason: 'unreachable' });

    const other = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const res = await testConnection(sage100Connector, { ...t.auth, baseUrl: `http://127.0.0.1:${(other.address() as AddressInfo).port}` });
      expect(res).toMatchObject({ ok: false, reason: 'invalid_settings' });
      expect(res.ok === false && res.message).toMatch(/not a Conduit Sage 100 gateway/);
    } finally {
      other.close();
    }
  });

  it('refuses a private host unless the connection allows it, and settings that do not parse', async () => {
    expect(await testConnection(sage100Connector, { ...t.auth, allowPrivateHost: false })).toMatchObject({ ok: false, reason: 'host_blocked' });
    expect(await testConnection(sage100Connector, { ...t.auth, company: 'AB' })).toMatchObject({ ok: false, reason: 'invalid_settings' });
    expect(await testConnection(sage100Connector, { ...t.auth, baseUrl: 'not a url' })).toMatchObject({ ok: false, reason: 'invalid_settings' });
    expect(() => openConnection(sage100Connector, { ...t.auth, token: '' })).toThrow(PermanentError);
    expect(openConnection(sage100Connector, { ...t.auth, company: ' abc ' }).auth.company).toBe('ABC');
  });

  it('describes itself for the designer: id, version, auth schema and read/write action keys', () => {
    const d = describeConnector(sage100Connector);
    expect(d).toMatchObject({ id: 'sage100', version: '1', discovers: true, pickers: ['tables', 'warehouses'], triggers: [{ key: 'recordChanged', modes: ['poll'] }] });
    expect(Object.keys((d.auth.schema as { properties: object }).properties)).toEqual(['baseUrl', 'token', 'company', 'allowPrivateHost', 'requestsPerSecond']);
    const writes = d.actions.filter((a) => !/^(get|find|list|search|read)/.test(a.key)).map((a) => `${a.key}:${String(a.idempotent)}`);
    expect(writes).toEqual([
      'createCustomer:key', 'updateCustomer:true', 'reserveCustomerNo:false', 'createCustomerContact:false', 'updateCustomerContact:true',
      'createShipToAddress:false', 'updateShipToAddress:true', 'previewSalesOrder:true', 'createSalesOrder:key', 'updateSalesOrder:false', 'cancelSalesOrder:true',
    ]);
  });
});
