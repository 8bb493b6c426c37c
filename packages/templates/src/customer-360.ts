// Customer 360, both ways: Sage 100 customers ↔ Streak organizations. Each direction writes only the
// fields its source owns (environment variables C360_NAME_FROM, C360_PHONE_FROM, C360_WEBSITE_FROM: "sage"
// or "streak"), records how each conflict was resolved in the run, and queues possible duplicates for a
// person instead of creating a second customer. The engine drops the change events our own writes cause
// (echo suppression), so the two flows never bounce a change back and forth.
import { owns, ownerOf, sageToStreakNodes } from './customer-360-settings';
import type { FlowTemplate } from './template';

const sageToStreak = sageToStreakNodes('trigger.record', { x: 0, y: 140 });

export const customer360SageToStreak: FlowTemplate = {
  key: 'customer-360-sage-to-streak',
  name: 'Customer 360: Sage customer → Streak organization',
  description: 'When a Sage 100 customer is created or changed, create or update the Streak organization with its web domain, writing only the fields Sage owns (C360_NAME_FROM, C360_PHONE_FROM).',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'trigger', kind: 'trigger', label: 'Sage customer created or changed', position: { x: 0, y: 0 }, config: { type: 'changeFeed', connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_Customer' }, pollSeconds: 60 } },
      ...sageToStreak.nodes,
    ],
    edges: [{ id: 'e0', source: 'trigger', sourcePort: 'out', target: sageToStreak.first, targetPort: 'in' }, ...sageToStreak.edges],
  },
};

/** Streak organization → the Sage customer it matches by name (possible duplicates go to a person). */
export const customer360StreakToSage: FlowTemplate = {
  key: 'customer-360-streak-to-sage',
  name: 'Customer 360: Streak organization → Sage customer',
  description: 'When a Streak organization changes, update the Sage 100 customer with the same name (only fields Streak owns), create it when there is none, and ask a person when several customers could be it.',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'trigger', kind: 'trigger', label: 'Streak organization changed', position: { x: 0, y: 0 }, config: { type: 'webhook', connector: 'streak@1', event: 'organizationEvent', params: { event: 'ORG_UPDATE' } } },
      { id: 'find', kind: 'lookup', label: 'Find Sage customers by name', position: { x: 0, y: 140 }, config: { connector: 'sage100@1', action: 'findCustomers', inputs: { fields: [{ target: 'query', expression: 'first(split(trim(trigger.name), " "))', required: true }, { target: 'limit', expression: '20' }] } } },
      {
        id: 'match',
        kind: 'map',
        label: 'Match and resolve conflicts',
        position: { x: 0, y: 280 },
        config: {
          mapping: {
            fields: [
              { target: 'exact', expression: 'count(steps.find.items) == 1 && companyNameKey(first(steps.find.items).customerName) == companyNameKey(trigger.name)' },
              { target: 'customerKey', expression: 'first(steps.find.items).customerKey' },
              { target: 'candidates[].customerKey', source: 'steps.find.items[].customerKey' },
              { target: 'candidates[].customerName', source: 'steps.find.items[].customerName' },
              { target: 'name.owner', expression: ownerOf('name') },
              { target: 'name.streak', source: 'trigger.name' },
              { target: 'name.sage', expression: 'first(steps.find.items).customerName' },
              { target: 'name.conflict', expression: 'first(steps.find.items).customerName != null && first(steps.find.items).customerName != trigger.name' },
              { target: 'phone.owner', expression: ownerOf('phone') },
              { target: 'phone.streak', expression: 'first(trigger.phoneNumbers)' },
              { target: 'phone.sage', expression: 'first(steps.find.items).telephoneNo' },
              { target: 'phone.conflict', expression: 'first(trigger.phoneNumbers) != null && first(steps.find.items).telephoneNo != null && first(steps.find.items).telephoneNo != first(trigger.phoneNumbers)' },
            ],
          },
        },
      },
      { id: 'route', kind: 'switch', label: 'Same customer, new, or unclear?', position: { x: 0, y: 420 }, config: { cases: [{ port: 'update', when: 'steps.match.exact' }, { port: 'create', when: 'count(steps.find.items) == 0' }] } },
      {
        id: 'update',
        kind: 'write',
        label: 'Update Sage customer (fields Streak owns)',
        position: { x: -300, y: 560 },
        config: {
          connector: 'sage100@1',
          action: 'updateCustomer',
          inputs: {
            fields: [
              { target: 'customerKey', source: 'steps.match.customerKey', required: true },
              { target: 'customerName', source: 'trigger.name', when: owns('streak', 'name') },
              { target: 'telephoneNo', expression: 'first(trigger.phoneNumbers)', when: owns('streak', 'phone') },
              { target: 'urlAddress', expression: 'first(trigger.domains)', when: owns('streak', 'website') },
            ],
          },
        },
      },
      {
        id: 'review',
        kind: 'approval',
        label: 'Possible duplicate: ask a person',
        position: { x: 300, y: 560 },
        config: {
          message: 'concat("Streak organization \\"", trigger.name, "\\" may already be a Sage customer (", join(steps.match.candidates[].customerName, "; "), "). Approve to create a new customer; reject if it is one of these.")',
          approvers: ['approver'],
          timeoutMs: 7 * 86_400_000,
          onTimeout: 'reject',
        },
      },
      {
        id: 'create',
        kind: 'write',
        label: 'Create Sage customer',
        position: { x: 0, y: 700 },
        config: {
          connector: 'sage100@1',
          action: 'createCustomer',
          inputs: {
            fields: [
              { target: 'arDivisionNo', expression: 'default(env.C360_AR_DIVISION, "01")' },
              { target: 'customerNo', expression: 'sageCustomerNo(trigger.name)' },
              { target: 'customerName', expression: 'trigger.name ?? first(trigger.domains) ?? "(organization without a name)"' },
              { target: 'telephoneNo', expression: 'first(trigger.phoneNumbers)' },
              { target: 'urlAddress', expression: 'first(trigger.domains)' },
              { target: 'externalId', source: 'trigger.key' },
            ],
          },
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'find', targetPort: 'in' },
      { id: 'e2', source: 'find', sourcePort: 'out', target: 'match', targetPort: 'in' },
      { id: 'e3', source: 'match', sourcePort: 'out', target: 'route', targetPort: 'in' },
      { id: 'e4', source: 'route', sourcePort: 'update', target: 'update', targetPort: 'in' },
      { id: 'e5', source: 'route', sourcePort: 'create', target: 'create', targetPort: 'in' },
      { id: 'e6', source: 'route', sourcePort: 'default', target: 'review', targetPort: 'in' },
      { id: 'e7', source: 'review', sourcePort: 'approved', target: 'create', targetPort: 'in' },
    ],
  },
};
