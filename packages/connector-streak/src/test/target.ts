// Where the integration suite runs: a fresh in-memory Streak sandbox, or real Streak. Setup and
// cleanup (scratch pipeline, deleting what the suite made) go straight through the HTTP client,
// so the connector code under test is not used to prepare its own test.
import { type Connection, type HttpClient, openConnection } from '@conduit/connector-kit';
import { type SandboxControl, sandboxControl, startSandbox } from '@conduit/streak-sandbox';
import { type StreakAuth, streakConnector } from '../index';
import { testEnv } from './env';

export interface StreakTarget {
  kind: 'sandbox' | 'streak';
  auth: Record<string, unknown>;
  conn: Connection<StreakAuth>;
  /** Sandbox only: fault injection and delivery log. */
  control?: SandboxControl;
  close(): Promise<void>;
}

export async function sandboxTarget(): Promise<StreakTarget> {
  const sb = await startSandbox({ dataFile: null, seed: true });
  const auth = { apiKey: sb.apiKey, baseUrl: `${sb.url}/api`, allowPrivateHost: true };
  const conn = openConnection(streakConnector, auth);
  return { kind: 'sandbox', auth, conn, control: sandboxControl(sb.url), close: async () => { await conn.close(); await sb.close(); } };
}

export function realStreakTarget(): StreakTarget | undefined {
  if (!testEnv.STREAK_API_KEY) return undefined;
  const auth = { apiKey: testEnv.STREAK_API_KEY, ...(testEnv.STREAK_BASE_URL ? { baseUrl: testEnv.STREAK_BASE_URL } : {}) };
  const conn = openConnection(streakConnector, auth);
  return { kind: 'streak', auth, conn, close: () => conn.close() };
}

export interface ScratchPipeline {
  key: string;
  name: string;
  teamKey: string;
  fields: Record<string, string>;
  options: Record<string, Record<string, string>>;
  stages: Record<string, string>;
  cleanup(): Promise<void>;
}

interface WirePipe {
  key: string;
  stages: Record<string, { key: string; name: string }>;
  fields: { key: string; name: string; dropdownSettings?: { items: { key: string; name: string }[] }; tagSettings?: { tags: { key: string; tag: string }[] } }[];
}

/** A pipeline with one field of each writable type, removed (with its boxes) by cleanup(). */
export async function scratchPipeline(http: HttpClient): Promise<ScratchPipeline> {
  const teams = await http.json<{ results: { key: string }[] }>({ path: '/v2/users/me/teams' });
  const teamKey = teams.results[0]?.key ?? '';
  const name = `Conduit test ${new Date().toISOString()} ${Math.random().toString(36).slice(2, 8)}`;
  const created = await http.json<WirePipe>({
    method: 'POST', path: '/v2/pipelines',
    json: { name, teamKey, stages: ['Lead', 'Won', 'Lost'], fields: [
      { name: 'Deal value', type: 'TEXT_INPUT' }, { name: 'External ref', type: 'TEXT_INPUT' }, { name: 'Currency', type: 'DROPDOWN' },
      { name: 'Segment', type: 'TAG' }, { name: 'Expected close', type: 'DATE' }, { name: 'Rush order', type: 'CHECKBOX' },
    ] },
  });
  const fieldKey = (n: string) => created.fields.find((f) => f.name === n)?.key ?? '';
  await http.json({ method: 'POST', path: `/v1/pipelines/${created.key}/fields/${fieldKey('Currency')}`, json: { dropdownSettings: { items: [{ name: 'USD' }, { name: 'CAD' }] } } });
  await http.json({ method: 'POST', path: `/v1/pipelines/${created.key}/fields/${fieldKey('Segment')}`, json: { tagSettings: { tags: [{ tag: 'Retail' }, { tag: 'Wholesale' }] } } });
  const p = await http.json<WirePipe>({ path: `/v1/pipelines/${created.key}` });
  return {
    key: p.key, name, teamKey,
    fields: Object.fromEntries(p.fields.map((f) => [f.name, f.key])),
    options: Object.fromEntries(p.fields.map((f) => [f.name, Object.fromEntries([...(f.dropdownSettings?.items ?? []).map((i) => [i.name, i.key]), ...(f.tagSettings?.tags ?? []).map((t) => [t.tag, t.key])])])),
    stages: Object.fromEntries(Object.values(p.stages).map((s) => [s.name, s.key])),
    cleanup: async () => {
      const boxes = await http.json<{ key: string }[]>({ path: `/v1/pipelines/${p.key}/boxes` });
      for (const b of boxes) await http.json({ method: 'DELETE', path: `/v1/boxes/${b.key}` });
      await http.json({ method: 'DELETE', path: `/v1/pipelines/${p.key}` });
    },
  };
}
