import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError } from '@conduit/connector-kit';
import { demoSeed } from '@conduit/streak-sandbox';
import { sandboxTarget, type StreakTarget } from '../test/target';

let t: StreakTarget;
type WireBox = { contacts: { key: string }[]; organizations: { key: string }[] };
let box: WireBox;

beforeAll(async () => {
  t = await sandboxTarget();
  const boxes = await t.conn.http.json<WireBox[]>({ path: `/v1/pipelines/${demoSeed().pipelineKey}/boxes` });
  box = boxes[0]!;
});
afterAll(() => t?.close());

describe('getParties against the seeded sandbox', () => {
  it('reads a box’s organization and contacts in the order given, with addresses', async () => {
    const contactKeys = box.contacts.map((c) => c.key);
    const out = (await t.conn.runAction('getParties', { contactKeys, organizationKeys: box.organizations.map((o) => o.key) })) as {
      contacts: { key: string; emailAddresses: string[] }[];
      organizations: { key: string; name: string; addresses: string[]; domains: string[] }[];
    };
    expect(out.contacts.map((c) => c.key)).toEqual(contactKeys);
    expect(out.contacts[0]?.emailAddresses[0]).toMatch(/@/);
    expect(out.organizations).toEqual([expect.objectContaining({ key: box.organizations[0]!.key, name: expect.any(String), addresses: [expect.stringMatching(/\d{5}/)], domains: [expect.any(String)] })]);
  });

  it('names a key Streak does not return instead of skipping it', async () => {
    const err = await t.conn.runAction('getParties', { organizationKeys: ['no-such-org'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ reason: 'not_found', message: expect.stringContaining('organization no-such-org') });
  });
});
