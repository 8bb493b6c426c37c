// Schema discovery for one connection: each pipeline's box fields (with stages and options) and the
// team's contact/organization fields, so the mapping editor shows the customer's real custom fields.
import type { BaseContext, DiscoveredEntity, DiscoveredField, DiscoveredFieldType, DiscoveredSchema } from '@conduit/connector-kit';
import type { StreakAuth } from './auth';
import { streakApi } from './api/streak';
import type { WireField, WireTeam } from './api/wire';
import { Pipeline } from './model/pipeline';

const typeOf: Record<string, DiscoveredFieldType> = {
  TEXT_INPUT: 'string', DATE: 'date', CHECKBOX: 'boolean', DROPDOWN: 'enum', TAG: 'multi_enum', FORMULA: 'string',
  PERSON: 'reference', TEAM_CONTACT: 'reference', TEAM_ORGANIZATION: 'reference',
};

function customField(f: WireField): DiscoveredField {
  const options = f.type === 'DROPDOWN' ? f.dropdownSettings?.items?.map((o) => ({ key: o.key, label: o.name })) : f.type === 'TAG' ? f.tagSettings?.tags?.map((t) => ({ key: t.key, label: t.tag })) : undefined;
  return { key: f.key, label: f.name, type: typeOf[f.type] ?? 'unknown', path: `fields.${f.key}`, remoteType: f.type, ...(options ? { options } : {}), ...(f.type === 'FORMULA' ? { readOnly: true } : {}) };
}

const builtin = (key: string, label: string, type: DiscoveredFieldType, extra: Partial<DiscoveredField> = {}): DiscoveredField => ({ key, label, type, path: key, ...extra });

function boxEntity(p: Pipeline): DiscoveredEntity {
  return {
    key: `box:${p.key}`,
    kind: 'box',
    title: `Box in ${p.name}`,
    operations: ['read', 'write'],
    fields: [
      builtin('key', 'Box key', 'string', { readOnly: true }),
      builtin('name', 'Name', 'string', { required: true }),
      builtin('stageKey', 'Stage', 'enum', { options: p.stages.map((s) => ({ key: s.key, label: s.name })) }),
      builtin('notes', 'Notes', 'string'),
      builtin('assignees', 'Assignees', 'multi_enum'),
      builtin('creationTimestamp', 'Created', 'date', { readOnly: true }),
      builtin('lastUpdatedTimestamp', 'Last updated', 'date', { readOnly: true }),
      ...p.fields.fields.map(customField),
    ],
  };
}

function partyEntities(team: WireTeam): DiscoveredEntity[] {
  const custom = (defs: Record<string, WireField> | undefined) => Object.values(defs ?? {}).map(customField);
  return [
    {
      key: `contact:${team.key}`, kind: 'contact', title: `Contact (${team.name})`, operations: ['read', 'write'],
      fields: [builtin('emailAddresses', 'E-mail addresses', 'string'), builtin('givenName', 'First name', 'string'), builtin('familyName', 'Last name', 'string'), builtin('title', 'Title', 'string'), builtin('phoneNumbers', 'Phone numbers', 'string'), ...custom(team.contactSettings?.fields)],
    },
    {
      key: `organization:${team.key}`, kind: 'organization', title: `Organization (${team.name})`, operations: ['read', 'write'],
      fields: [builtin('name', 'Name', 'string'), builtin('domains', 'Domains', 'string'), builtin('industry', 'Industry', 'string'), builtin('phoneNumbers', 'Phone numbers', 'string'), ...custom(team.organizationSettings?.fields)],
    },
  ];
}

/** `params.pipelineKey` limits discovery to one pipeline (and skips team fields). */
export async function discoverStreak({ http, params }: BaseContext<StreakAuth> & { params: Record<string, unknown> }): Promise<DiscoveredSchema> {
  if (typeof params.pipelineKey === 'string') return { entities: [boxEntity(new Pipeline(await streakApi.pipeline(http, params.pipelineKey)))] };
  const [pipelines, teams] = await Promise.all([streakApi.pipelines(http), streakApi.teams(http)]);
  // The team list may omit field settings; the single-team read has them.
  const fullTeams = await Promise.all(teams.map((t) => streakApi.team(http, t.key)));
  return { entities: [...pipelines.map((p) => boxEntity(new Pipeline(p))), ...fullTeams.flatMap(partyEntities)] };
}
