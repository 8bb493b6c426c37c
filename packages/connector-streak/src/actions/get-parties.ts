// Reads the contacts and organizations linked to a box (its `contactKeys` / `organizationKeys`) in two batch
// calls. Streak's batch get silently omits keys it cannot show, so a missing one is reported, not skipped.
import { PermanentError } from '@conduit/connector-kit';
import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import type { WireContact, WireOrganization } from '../api/wire';
import { contactSchema, organizationSchema, toContact, toOrganization } from '../model/records';

const addresses = { addresses: z.array(z.string()).meta({ description: 'Postal addresses as Streak holds them (free text)' }) };

const none = <W>(): Record<string, W> => ({});

function inKeyOrder<W>(kind: 'contact' | 'organization', keys: string[], found: Record<string, W>): W[] {
  return keys.map((key) => {
    const record = found[key];
    if (!record) throw new PermanentError('not_found', { connector: 'Streak', subject: { type: kind, key }, message: `Streak: ${kind} ${key} does not exist or is not shared with this API key's team` });
    return record;
  });
}

export const getParties = defineAction({
  key: 'getParties',
  title: 'Get contacts and organizations',
  description: 'Reads contacts and organizations by key (e.g. a box’s contactKeys and organizationKeys), in the order given, with their addresses.',
  input: z.object({
    contactKeys: z.array(z.string().min(1)).max(100).default([]).meta({ title: 'Contact keys' }),
    organizationKeys: z.array(z.string().min(1)).max(100).default([]).meta({ title: 'Organization keys' }),
  }),
  output: z.object({ contacts: z.array(contactSchema.extend(addresses)), organizations: z.array(organizationSchema.extend(addresses)) }),
  idempotent: true,
  run: async ({ http, input }) => {
    const [contacts, organizations] = await Promise.all([
      input.contactKeys.length ? streakApi.batchGet<WireContact>(http, 'contacts', input.contactKeys) : none<WireContact>(),
      input.organizationKeys.length ? streakApi.batchGet<WireOrganization>(http, 'organizations', input.organizationKeys) : none<WireOrganization>(),
    ]);
    return {
      contacts: inKeyOrder('contact', input.contactKeys, contacts).map((w) => ({ ...toContact(w), addresses: w.addresses ?? [] })),
      organizations: inKeyOrder('organization', input.organizationKeys, organizations).map((w) => ({ ...toOrganization(w), addresses: w.addresses ?? [] })),
    };
  },
});
