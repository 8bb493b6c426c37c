// Customer 360 for people: Streak contacts ↔ Sage 100 customer contacts. A Streak contact belongs to the
// Sage customer its organization matches by name; its Sage contact code comes from the e-mail address, so
// the same person always lands on the same code. Fields follow the owners in customer-360-settings.
import type { FlowTemplate } from './template';
import { owns, TEAM } from './customer-360-settings';

/** Contact code from an e-mail: the part before @, letters and digits, upper case, at most 10 (Sage's limit). */
const codeOf = (email: string) => `left(upper(alphanumeric(first(split(${email}, "@")))), 10)`;
const email = 'first(trigger.emailAddresses)';
const fullName = 'collapseSpaces(concat(trigger.givenName, " ", trigger.familyName))';
const words = 'split(collapseSpaces(trigger.record.contactName), " ")';

export const customer360ContactsStreakToSage: FlowTemplate = {
  key: 'customer-360-contacts-streak-to-sage',
  name: 'Customer 360: Streak contact → Sage customer contact',
  description: 'When a Streak contact changes, update or add the contact (code from the e-mail) on the Sage 100 customer its organization matches by name, writing the fields Streak owns (C360_CONTACT_NAME_FROM, C360_EMAIL_FROM, C360_PHONE_FROM).',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'trigger', kind: 'trigger', label: 'Streak contact changed', position: { x: 0, y: 0 }, config: { type: 'webhook', connector: 'streak@1', event: 'contactEvent', params: { event: 'CONTACT_UPDATE' } } },
      { id: 'org', kind: 'lookup', label: 'Read the contact’s organization', position: { x: 0, y: 140 }, config: { connector: 'streak@1', action: 'getParties', inputs: { fields: [{ target: 'organizationKeys', source: 'trigger.organizationKeys' }] } } },
      { id: 'hasOrg', kind: 'condition', label: 'Belongs to an organization with an e-mail?', position: { x: 0, y: 280 }, config: { expression: `count(steps.org.organizations) > 0 && (${email} ?? "") != ""` } },
      { id: 'find', kind: 'lookup', label: 'Find the Sage customer by name', position: { x: 0, y: 420 }, config: { connector: 'sage100@1', action: 'findCustomers', inputs: { fields: [{ target: 'query', expression: 'first(split(trim(first(steps.org.organizations).name), " "))', required: true }, { target: 'limit', expression: '20' }] } } },
      {
        id: 'match',
        kind: 'map',
        label: 'Match customer and contact',
        position: { x: 0, y: 560 },
        config: {
          mapping: {
            fields: [
              { target: 'exact', expression: 'count(steps.find.items) == 1 && companyNameKey(first(steps.find.items).customerName) == companyNameKey(first(steps.org.organizations).name)' },
              { target: 'customerKey', expression: 'first(steps.find.items).customerKey' },
              { target: 'contactCode', expression: codeOf(email) },
            ],
          },
        },
      },
      { id: 'known', kind: 'condition', label: 'Exactly one matching customer?', position: { x: 0, y: 700 }, config: { expression: 'steps.match.exact' } },
      { id: 'contacts', kind: 'lookup', label: 'Read the customer’s contacts', position: { x: 0, y: 840 }, config: { connector: 'sage100@1', action: 'listCustomerContacts', inputs: { fields: [{ target: 'customerKey', source: 'steps.match.customerKey' }] } } },
      { id: 'exists', kind: 'condition', label: 'Contact already in Sage?', position: { x: 0, y: 980 }, config: { expression: 'contains(concat("|", join(steps.contacts.items[].contactCode, "|"), "|"), concat("|", steps.match.contactCode, "|"))' } },
      {
        id: 'update',
        kind: 'write',
        label: 'Update Sage contact',
        position: { x: -300, y: 1120 },
        config: {
          connector: 'sage100@1',
          action: 'updateCustomerContact',
          inputs: {
            fields: [
              { target: 'customerKey', source: 'steps.match.customerKey', required: true },
              { target: 'contactCode', source: 'steps.match.contactCode', required: true },
              { target: 'contactName', expression: fullName, when: owns('streak', 'contactName') },
              { target: 'contactTitle', source: 'trigger.title', when: owns('streak', 'contactName') },
              { target: 'emailAddress', expression: email, when: owns('streak', 'email') },
              { target: 'telephoneNo1', expression: 'first(trigger.phoneNumbers)', when: owns('streak', 'phone') },
            ],
          },
        },
      },
      {
        id: 'create',
        kind: 'write',
        label: 'Add Sage contact',
        position: { x: 300, y: 1120 },
        config: {
          connector: 'sage100@1',
          action: 'createCustomerContact',
          inputs: {
            fields: [
              { target: 'customerKey', source: 'steps.match.customerKey', required: true },
              { target: 'contactCode', source: 'steps.match.contactCode', required: true },
              { target: 'contactName', expression: `default(${fullName}, ${email})` },
              { target: 'contactTitle', source: 'trigger.title' },
              { target: 'emailAddress', expression: email },
              { target: 'telephoneNo1', expression: 'first(trigger.phoneNumbers)' },
            ],
          },
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'org', targetPort: 'in' },
      { id: 'e2', source: 'org', sourcePort: 'out', target: 'hasOrg', targetPort: 'in' },
      { id: 'e3', source: 'hasOrg', sourcePort: 'true', target: 'find', targetPort: 'in' },
      { id: 'e4', source: 'find', sourcePort: 'out', target: 'match', targetPort: 'in' },
      { id: 'e5', source: 'match', sourcePort: 'out', target: 'known', targetPort: 'in' },
      { id: 'e6', source: 'known', sourcePort: 'true', target: 'contacts', targetPort: 'in' },
      { id: 'e7', source: 'contacts', sourcePort: 'out', target: 'exists', targetPort: 'in' },
      { id: 'e8', source: 'exists', sourcePort: 'true', target: 'update', targetPort: 'in' },
      { id: 'e9', source: 'exists', sourcePort: 'false', target: 'create', targetPort: 'in' },
    ],
  },
};

export const customer360ContactsSageToStreak: FlowTemplate = {
  key: 'customer-360-contacts-sage-to-streak',
  name: 'Customer 360: Sage customer contact → Streak contact',
  description: 'When a Sage 100 customer contact with an e-mail is created or changed, create or update the Streak contact with that e-mail, writing the fields Sage owns.',
  graph: {
    schemaVersion: 1,
    nodes: [
      { id: 'trigger', kind: 'trigger', label: 'Sage contact created or changed', position: { x: 0, y: 0 }, config: { type: 'changeFeed', connector: 'sage100@1', feed: 'recordChanged', params: { table: 'AR_CustomerContact' }, pollSeconds: 60 } },
      { id: 'hasEmail', kind: 'condition', label: 'Has an e-mail?', position: { x: 0, y: 140 }, config: { expression: 'contains(trigger.record.emailAddress ?? "", "@")' } },
      {
        id: 'contact',
        kind: 'write',
        label: 'Create or update Streak contact',
        position: { x: 0, y: 280 },
        config: {
          connector: 'streak@1',
          action: 'upsertContact',
          inputs: {
            fields: [
              { target: 'teamKey', expression: TEAM },
              { target: 'email', source: 'trigger.record.emailAddress', required: true },
              { target: 'givenName', expression: `first(${words})`, when: owns('sage', 'contactName') },
              { target: 'familyName', expression: `count(${words}) > 1 ? last(${words}) : null`, when: owns('sage', 'contactName') },
              { target: 'title', source: 'trigger.record.contactTitle', when: owns('sage', 'contactName') },
              { target: 'phoneNumbers', expression: '[trigger.record.telephoneNo1]', when: `${owns('sage', 'phone')} && (trigger.record.telephoneNo1 ?? "") != ""` },
            ],
          },
        },
      },
    ],
    edges: [
      { id: 'e1', source: 'trigger', sourcePort: 'out', target: 'hasEmail', targetPort: 'in' },
      { id: 'e2', source: 'hasEmail', sourcePort: 'true', target: 'contact', targetPort: 'in' },
    ],
  },
};
