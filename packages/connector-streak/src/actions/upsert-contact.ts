import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { StreakSession } from '../model/session';
import { contactSchema, toContact } from '../model/records';
import { fieldsInput, hints } from './common';
import { upsertParty } from './party';

export const upsertContact = defineAction({
  key: 'upsertContact',
  title: 'Create or update contact',
  description: 'Finds the team contact with this e-mail (or creates it) and applies the given details.',
  input: z.object({
    teamKey: z.string().optional(),
    email: z.email().meta({ title: 'E-mail' }),
    givenName: z.string().optional(),
    familyName: z.string().optional(),
    title: z.string().optional(),
    other: z.string().optional().meta({ title: 'Other notes' }),
    phoneNumbers: z.array(z.string()).optional().meta({ description: 'Replaces the current list' }),
    fields: fieldsInput.optional(),
  }),
  output: contactSchema,
  idempotent: true,
  ui: { fields: { teamKey: hints.team, fields: { label: 'Contact fields', widget: 'field-map', picker: { source: 'contactFields', dependsOn: ['teamKey'] } } } },
  run: async ({ http, input }) => {
    const details = { givenName: input.givenName, familyName: input.familyName, title: input.title, other: input.other, phoneNumbers: input.phoneNumbers };
    const contact = await upsertParty({
      session: new StreakSession(http),
      kind: 'contact',
      teamKey: input.teamKey,
      create: { ...details, emailAddresses: [input.email] },
      update: details,
      fields: input.fields,
      createCall: (team, body) => streakApi.createContact(http, team, body),
      updateCall: (key, body) => streakApi.updateContact(http, key, body),
    });
    return toContact(contact);
  },
});
