// Contract: contacts and organizations (§4.7–4.8): team scope, get-or-create, partial updates,
// cursor paging, batch get, delete.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, firstTeamKey, openTarget, type Json, type Target } from './target';

let t: Target;
let teamKey: string;
const run = Date.now().toString(36);
const made: string[] = [];
beforeAll(async () => {
  t = await openTarget();
  teamKey = await firstTeamKey(t);
});
afterAll(async () => {
  for (const path of made) await t.del(path);
  await t.close();
});

const contact = async (body: Json, query = '') => {
  const res = await t.post(`/v2/teams/${teamKey}/contacts${query}`, body);
  if (res.status === 200) made.push(`/v2/contacts/${res.body.key}`);
  return res;
};
const org = async (body: Json, query = '') => {
  const res = await t.post(`/v2/teams/${teamKey}/organizations${query}`, body);
  if (res.status === 200) made.push(`/v2/organizations/${res.body.key}`);
  return res;
};

describe('contacts', () => {
  it('creates a contact with all required arrays present and emails normalised', async () => {
    const res = await contact({
      givenName: 'Jane',
      familyName: 'Doe',
      emailAddresses: [`Jane.${run}@Example.com`, `jane.${run}@example.com`],
    });
    expect(res.status).toBe(200);
    expect(res.body.teamKey).toBe(teamKey);
    expect(res.body.emailAddresses).toEqual([`jane.${run}@example.com`]);
    for (const k of ['phoneNumbers', 'addresses', 'domains', 'normalizedDomains', 'contactLinks', 'orgLinks'])
      expect(Array.isArray(res.body[k])).toBe(true);
    expect(res.body.fields).toEqual({});
  });

  it('needs a name or an email', async () => {
    expectError(await contact({ title: 'nobody' }), 400);
  });

  it('getIfExisting=true returns the existing email match without merging', async () => {
    const email = `dup.${run}@example.com`;
    const first = (await contact({ givenName: 'First', emailAddresses: [email] })).body;
    const again = await contact(
      { givenName: 'Second', title: 'CEO', emailAddresses: [email] },
      '?getIfExisting=true',
    );
    expect(again.body.key).toBe(first.key);
    expect([again.body.givenName, again.body.title]).toEqual(['First', null]);
  });

  it('partial update: omitted/null unchanged, lists replace, fields merge', async () => {
    const c = (await contact({ givenName: 'Pat', title: 'Buyer', phoneNumbers: ['1', '2'] })).body;
    const res = await t.post(`/v2/contacts/${c.key}`, {
      title: null,
      familyName: 'Lee',
      phoneNumbers: ['3'],
    });
    expect([res.body.givenName, res.body.title, res.body.familyName, res.body.phoneNumbers]).toEqual([
      'Pat',
      'Buyer',
      'Lee',
      ['3'],
    ]);
  });

  it('refuses an update that would leave no name and no email, changing nothing', async () => {
    const c = (await contact({ givenName: 'Solo' })).body;
    expectError(await t.post(`/v2/contacts/${c.key}`, { givenName: '', title: 'x' }), 400);
    expect((await t.get(`/v2/contacts/${c.key}`)).body.givenName).toBe('Solo');
  });

  it('pages with an opaque cursor: no duplicates, stops when the cursor runs out', async () => {
    for (let i = 0; i < 3; i++) await contact({ givenName: `Pager ${i}` });
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let pages = 0; pages < 500; pages++) {
      const res = await t.get(`/v2/teams/${teamKey}/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.results.length).toBeLessThanOrEqual(2);
      for (const c of res.body.results) {
        expect(seen.has(c.key)).toBe(false);
        seen.add(c.key);
      }
      cursor = res.body.cursor;
      if (!cursor || res.body.results.length === 0) break;
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it('filters by after (epoch seconds on lastSavedTimestamp)', async () => {
    const res = await t.get(`/v2/teams/${teamKey}/contacts?after=${Math.floor(Date.now() / 1000) + 3600}`);
    expect(res.body.results).toEqual([]);
  });

  it('batch get returns a key→contact map, silently omitting missing keys', async () => {
    const c = (await contact({ givenName: 'Batch' })).body;
    const missing = 'agxzfm1haWxmb29nYWVyCxIHQ29udGFjdBgAAAAAAAAAAAAAAAA';
    const res = await t.post('/v2/contacts/batch/get', [c.key, missing]);
    expect(Object.keys(res.body)).toEqual([c.key]);
  });

  it('delete returns success; deleting again is 404', async () => {
    const c = (await contact({ givenName: 'Gone' })).body;
    expect((await t.del(`/v2/contacts/${c.key}`)).body.success).toBe(true);
    expectError(await t.del(`/v2/contacts/${c.key}`), 404);
    expect((await t.get(`/v2/contacts/${c.key}`)).status).toBe(404);
  });
});

describe('organizations', () => {
  it('creates an org (logoURL casing, normalizedDomains) and needs a name or a domain', async () => {
    const res = await org({ name: 'Globex', domains: [`WWW.Globex-${run}.com`], industry: 'Manufacturing' });
    expect(res.status).toBe(200);
    expect(res.body.normalizedDomains).toEqual([`globex-${run}.com`]);
    expect('logoURL' in res.body).toBe(true);
    expectError(await org({ industry: 'nothing' }), 400);
  });

  it('getIfExisting matches by domain without merging', async () => {
    const domain = `initech-${run}.com`;
    const first = (await org({ name: 'Initech', domains: [domain] })).body;
    const again = await org({ name: 'Initech 2', domains: [domain] }, '?getIfExisting=true');
    expect([again.body.key, again.body.name]).toEqual([first.key, 'Initech']);
  });

  it('updates partially and keeps the name-or-domain invariant', async () => {
    const o = (await org({ name: 'Umbrella' })).body;
    expect((await t.post(`/v2/organizations/${o.key}`, { industry: 'Pharma' })).body).toMatchObject({
      name: 'Umbrella',
      industry: 'Pharma',
    });
    expectError(await t.post(`/v2/organizations/${o.key}`, { name: '' }), 400);
  });

  it('lists with {results, cursor} and batch-gets by key', async () => {
    const o = (await org({ name: 'Listed' })).body;
    const res = await t.get(`/v2/teams/${teamKey}/organizations?limit=1000`);
    expect(res.body.results.some((x: Json) => x.key === o.key)).toBe(true);
    expect(Object.keys((await t.post('/v2/organizations/batch/get', [o.key])).body)).toEqual([o.key]);
  });
});
