// Customer 360 settings shared by its templates: which system owns each synchronised field, read from
// environment variables so a user changes the rule per environment without editing the flows, and the
// Sage → Streak mapping used by both the change-driven flow and the first-time bulk sync.
import type { FlowGraph } from '@conduit/flow';

type Node = FlowGraph['nodes'][number];

/** Field → environment variable naming its owner ("sage" or "streak") and the default owner. */
export const OWNERS = {
  name: { variable: 'C360_NAME_FROM', default: 'sage' },
  phone: { variable: 'C360_PHONE_FROM', default: 'streak' },
  website: { variable: 'C360_WEBSITE_FROM', default: 'sage' },
  /** Contacts: the person's name and title, and their e-mail (Streak's identity for a contact). */
  contactName: { variable: 'C360_CONTACT_NAME_FROM', default: 'streak' },
  email: { variable: 'C360_EMAIL_FROM', default: 'streak' },
} as const;

export type OwnedField = keyof typeof OWNERS;

/** Expression: the owner of a field under the environment's setting. */
export const ownerOf = (field: OwnedField) => `default(env.${OWNERS[field].variable}, "${OWNERS[field].default}")`;
/** Expression: whether that system owns the field. */
export const owns = (system: 'sage' | 'streak', field: OwnedField) => `${ownerOf(field)} == "${system}"`;

/**
 * Expression: the Streak team to write to, from C360_STREAK_TEAM. Optional (the API key's first team), but
 * naming it saves a request per write — a third of a bulk sync's requests at Streak's 10 requests/s.
 */
export const TEAM = 'env.C360_STREAK_TEAM';

/** A domain for the Streak organization: the customer's web address, else its e-mail's domain. */
const domainOf = (customer: string) =>
  `coalesce(replace(replace(replace(lower(${customer}.urlAddress), "https://", ""), "http://", ""), "www.", ""), last(split(lower(${customer}.emailAddress), "@")))`;

/**
 * Sage customer (at path `customer`) → Streak organization: a map that resolves ownership (recorded in the
 * run: what each side holds and who wins), a condition that skips customers without any domain, and the
 * upsert that writes only the fields Sage owns. Node ids get `prefix`.
 */
export function sageToStreakNodes(customer: string, at: { x: number; y: number }, prefix = ''): { nodes: Node[]; edges: FlowGraph['edges']; first: string; last: string } {
  const id = (s: string) => `${prefix}${s}`;
  const plan: Node = {
    id: id('plan'),
    kind: 'map',
    label: 'Apply field ownership',
    position: at,
    config: {
      mapping: {
        fields: [
          { target: 'domain', expression: domainOf(customer) },
          { target: 'customerKey', source: `${customer}.customerKey`, expression: `default($value, concat(${customer}.arDivisionNo, "-", ${customer}.customerNo))` },
          { target: 'name.owner', expression: ownerOf('name') },
          { target: 'name.sage', source: `${customer}.customerName` },
          { target: 'phone.owner', expression: ownerOf('phone') },
          { target: 'phone.sage', source: `${customer}.telephoneNo` },
          { target: 'skipped', expression: `${owns('streak', 'name')} || ${owns('streak', 'phone')} ? concat("Streak owns: ", ${owns('streak', 'name')} ? "name " : "", ${owns('streak', 'phone')} ? "phone" : "") : null` },
        ],
      },
    },
  };
  const hasDomain: Node = { id: id('hasDomain'), kind: 'condition', label: 'Has a web address or e-mail?', position: { x: at.x, y: at.y + 140 }, config: { expression: `steps.${id('plan')}.domain != null && contains(steps.${id('plan')}.domain, ".")` } };
  const org: Node = {
    id: id('org'),
    kind: 'write',
    label: 'Create or update Streak organization',
    position: { x: at.x, y: at.y + 280 },
    config: {
      connector: 'streak@1',
      action: 'upsertOrganization',
      inputs: {
        fields: [
          { target: 'teamKey', expression: TEAM },
          { target: 'domain', source: `steps.${id('plan')}.domain`, required: true },
          { target: 'name', source: `steps.${id('plan')}.name.sage`, when: owns('sage', 'name') },
          { target: 'phoneNumbers', expression: `[steps.${id('plan')}.phone.sage]`, when: `${owns('sage', 'phone')} && steps.${id('plan')}.phone.sage != ""` },
        ],
      },
    },
  };
  return {
    nodes: [plan, hasDomain, org],
    edges: [
      { id: id('p1'), source: plan.id, sourcePort: 'out', target: hasDomain.id, targetPort: 'in' },
      { id: id('p2'), source: hasDomain.id, sourcePort: 'true', target: org.id, targetPort: 'in' },
    ],
    first: plan.id,
    last: org.id,
  };
}
