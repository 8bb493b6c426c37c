// A fresh in-process gateway over the seeded emulator, a connection to it, and setup helpers that talk to
// the gateway directly (not through the actions under test) — plus the emulator's fault/clock controls.
import { randomBytes } from 'node:crypto';
import { type Connection, openConnection } from '@conduit/connector-kit';
import { DEMO_COMPANY, EmulatorControlClient, type RunningGateway, startGateway } from '@conduit/sage100-gateway';
import { type Sage100Auth, sage100Connector } from '../index';

export interface SageTarget {
  gw: RunningGateway;
  auth: { baseUrl: string; token: string; company: string; allowPrivateHost: boolean };
  conn: Connection<Sage100Auth>;
  control: EmulatorControlClient;
  /** Calls the gateway's API for test setup; returns `data`. */
  api<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PATCH', path: string, json?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function sageTarget(opts: { now?: () => Date } = {}): Promise<SageTarget> {
  const gw = await startGateway({ port: 0, dataFile: null, seed: true, ...(opts.now ? { now: opts.now } : {}) });
  // Lower case on purpose: the auth schema upper-cases company codes as Sage does.
  const auth = { baseUrl: gw.url, token: gw.token, company: DEMO_COMPANY.toLowerCase(), allowPrivateHost: true };
  const conn = openConnection(sage100Connector, auth);
  return {
    gw,
    auth,
    conn,
    control: new EmulatorControlClient(gw.url, DEMO_COMPANY),
    api: async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, json?: unknown) =>
      (await conn.http.json<{ data: T }>({ method, path: `/v1/companies/${DEMO_COMPANY}/${path}`, ...(json === undefined ? {} : { json }) })).data,
    close: async () => {
      await conn.close();
      await gw.close();
    },
  };
}

/** A code no other test uses: `T` + 6 upper-case hex characters. */
export const uniqueCode = (prefix = 'T') => `${prefix}${randomBytes(3).toString('hex').toUpperCase()}`;

/** A new customer in division 01, created straight through the gateway; returns its DD-CUSTNO. */
export async function fixtureCustomer(t: SageTarget, fields: Record<string, unknown> = {}): Promise<string> {
  const customerNo = uniqueCode('C');
  await t.api('POST', 'customers', { arDivisionNo: '01', customerNo, customerName: `Fixture ${customerNo}`, termsCode: '30', ...fields });
  return `01-${customerNo}`;
}

interface ItemRow {
  itemCode: string;
  itemType: string;
  inactiveItem: boolean;
  standardUnitPrice: number;
}

/** Active regular items with a price, and one inactive item, from the seeded catalogue. */
export async function fixtureItems(t: SageTarget): Promise<{ regular: string[]; inactive: string }> {
  const { items } = await t.api<{ items: ItemRow[] }>('GET', 'items?limit=1000&includeInactive=true');
  const regular = items.filter((i) => i.itemType === '1' && !i.inactiveItem && i.standardUnitPrice > 0).map((i) => i.itemCode);
  const inactive = items.find((i) => i.itemType === '1' && i.inactiveItem)?.itemCode ?? '';
  return { regular, inactive };
}
