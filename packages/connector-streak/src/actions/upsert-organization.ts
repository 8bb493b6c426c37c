import { z } from 'zod';
import { defineAction } from '../auth';
import { streakApi } from '../api/streak';
import { StreakSession } from '../model/session';
import { organizationSchema, toOrganization } from '../model/records';
import { fieldsInput, hints } from './common';
import { upsertParty } from './party';

export const upsertOrganization = defineAction({
  key: 'upsertOrganization',
  title: 'Create or update organization',
  description: 'Finds the team organization with this domain (or creates it) and applies the given details.',
  input: z.object({
    teamKey: z.string().optional(),
    domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain such as acme.com').meta({ title: 'Domain' }),
    name: z.string().optional(),
    industry: z.string().optional(),
    other: z.string().optional().meta({ title: 'Other notes' }),
    phoneNumbers: z.array(z.string()).optional().meta({ description: 'Replaces the current list' }),
    fields: fieldsInput.optional(),
  }),
  output: organizationSchema,
  idempotent: true,
  ui: { fields: { teamKey: hints.team, fields: { label: 'Organization fields', widget: 'field-map', picker: { source: 'organizationFields', dependsOn: ['teamKey'] } } } },
  run: async ({ http, input }) => {
    const details = { name: input.name, industry: input.industry, other: input.other, phoneNumbers: input.phoneNumbers };
    const org = await upsertParty({
      session: new StreakSession(http),
      kind: 'organization',
      teamKey: input.teamKey,
      create: { ...details, domains: [input.domain.toLowerCase()] },
      update: details,
      fields: input.fields,
      createCall: (team, body) => streakApi.createOrganization(http, team, body),
      updateCall: (key, body) => streakApi.updateOrganization(http, key, body),
    });
    return toOrganization(org);
  },
});
