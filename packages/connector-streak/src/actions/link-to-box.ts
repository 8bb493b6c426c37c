import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import type { WireLink } from '../api/wire';
import { StreakSession } from '../model/session';
import { boxSchema } from '../model/records';
import { boxKeyInput } from './common';

/** Streak replaces link lists wholesale, so new keys are appended to what the box already has. */
const merge = (current: WireLink[] | undefined, add: string[]) => {
  const list = [...(current ?? [])];
  for (const key of add) if (!list.some((l) => l.key === key)) list.push({ key, isStarred: false });
  return list.length === (current ?? []).length ? undefined : list;
};

export const linkToBox = defineAction({
  key: 'linkToBox',
  title: 'Link contacts / organizations to box',
  description: 'Adds contacts and organizations to a box, keeping the ones already linked.',
  input: z.object({ boxKey: boxKeyInput, contactKeys: z.array(z.string().min(1)).default([]), organizationKeys: z.array(z.string().min(1)).default([]) }),
  output: boxSchema,
  idempotent: true,
  run: async ({ http, input }) => {
    const session = new StreakSession(http);
    const box = await streakApi.box(http, input.boxKey);
    const contacts = merge(box.contacts, input.contactKeys);
    const organizations = merge(box.organizations, input.organizationKeys);
    if (!contacts && !organizations) return session.present(box);
    return session.present(await streakApi.updateBox(http, box.key, { ...(contacts ? { contacts } : {}), ...(organizations ? { organizations } : {}) }));
  },
});
