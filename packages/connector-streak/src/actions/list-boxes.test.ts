import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentError } from '@conduit/connector-kit';
import { sandboxTarget, type StreakTarget } from '../test/target';

interface Listed {
  boxes: { key: string; stageName: string | null; fieldsByName: Record<string, unknown> }[];
  count: number;
}

let t: StreakTarget;
beforeAll(async () => {
  t = await sandboxTarget();
});
afterAll(async () => {
  await t?.close();
});
const list = (input: unknown) => t.conn.runAction('listBoxes', input) as Promise<Listed>;

describe('listBoxes (seeded demo pipeline)', () => {
  it('lists only the boxes of the named stage, with field values by name and dropdown labels', async () => {
    const { boxes, count } = await list({ pipelineKey: 'Sales', stage: 'Proposal' });
    expect(count).toBe(35);
    expect(new Set(boxes.map((b) => b.stageName))).toEqual(new Set(['Proposal']));
    expect(boxes[0]?.fieldsByName).toMatchObject({ 'Sage customer no': expect.stringMatching(/^0\d-/), Currency: expect.stringMatching(/^(USD|CAD|EUR)$/) });
  });

  it('stops at the limit', async () => {
    expect((await list({ pipelineKey: 'Sales', limit: 7 })).count).toBe(7);
  });

  it('refuses an unknown stage by name, before listing anything', async () => {
    const err = await list({ pipelineKey: 'Sales', stage: 'Shipped' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as Error).message).toMatch(/Shipped/);
  });
});
