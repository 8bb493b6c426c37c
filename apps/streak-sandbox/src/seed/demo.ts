// The deterministic demo data set: a "Sales" pipeline with the order-to-cash fields the Conduit
// demo maps to Sage 100, ~50 organizations, ~100 contacts and ~200 boxes spread over the stages.
// Deals from Proposal on belong to companies Sage 100's demo company knows (or to the one new prospect)
// and list items Sage sells, at Sage's price, so closing any of them makes an order the emulator accepts.
import { SHARED_DEMO_COMPANIES, SHARED_DEMO_PRODUCTS } from '@conduit/sage100-gateway/demo-shared';
import type { Ctx } from '../domain/ctx';
import { createPipeline, type FieldInput } from '../domain/pipelines';
import { cryptoBytes, mulberry32 } from '../store/keys';
import type { BoxRec, ContactRec, OrgRec, PipelineRec, UserRec } from '../store/types';
import {
  CITIES,
  COMPANY_STEMS,
  COMPANY_SUFFIXES,
  DEAL_THEMES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  INDUSTRIES,
  NEW_CUSTOMER,
  STREETS,
  TITLES,
} from './data';
import { SEED_EPOCH, seedIdentity } from './identity';
import { DEMO_SCENARIOS, type DemoScenario } from './scenarios';

export const DEMO_STAGES = ['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Closed-Won', 'Closed-Lost'];
const STAGE_WEIGHTS = [40, 35, 35, 30, 40, 20];

export const DEMO_FIELDS: FieldInput[] = [
  { name: 'Deal value', type: 'TEXT_INPUT' },
  { name: 'Currency', type: 'DROPDOWN', options: ['USD', 'CAD', 'EUR'] },
  { name: 'Products', type: 'TEXT_INPUT' },
  { name: 'PO reference', type: 'TEXT_INPUT' },
  { name: 'Sage customer no', type: 'TEXT_INPUT' },
  { name: 'Sage sales order no', type: 'TEXT_INPUT' },
  {
    name: 'Order status',
    type: 'DROPDOWN',
    options: ['Open', 'On Hold', 'Shipped', 'Invoiced', 'Completed'],
  },
  { name: 'Credit limit', type: 'TEXT_INPUT' },
  { name: 'Open balance', type: 'TEXT_INPUT' },
  { name: 'Inventory note', type: 'TEXT_INPUT' },
  { name: 'Expected close', type: 'DATE' },
  { name: 'Rush order', type: 'CHECKBOX' },
  { name: 'Segment', type: 'TAG', options: ['Wholesale', 'Retail', 'Government', 'Key account'] },
];

const DAY = 86_400_000;

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const money = (n: number): string => n.toFixed(2);

interface SeededOrg {
  org: OrgRec;
  /** DD-CUSTNO of the same company in Sage 100; null for prospects Sage does not know. */
  sageNo: string | null;
  /** Sage knows it, or it is the demo's one new customer: its deals can be closed into orders. */
  aligned: boolean;
  contacts: ContactRec[];
}

interface OrgSeed {
  name: string;
  domain: string;
  address?: string;
  phone?: string;
  sageNo: string | null;
  aligned: boolean;
}

/** "(216) 555-0142" as a CRM user would type it: "216.555.0142" (the digits are what matching compares). */
const dotted = (phone: string): string => {
  const d = phone.replace(/\D/g, '');
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`;
};

function makeOrgs(ctx: Ctx, rand: Rand, teamKey: string, owner: UserRec): SeededOrg[] {
  const names: OrgSeed[] = [
    ...SHARED_DEMO_COMPANIES.map(({ streak, sage }) => ({
      name: streak.name,
      domain: streak.domain,
      address: `${streak.address}, ${streak.city}, ${streak.state} ${streak.zip}`,
      phone: dotted(sage.telephoneNo),
      sageNo: `${sage.arDivisionNo}-${sage.customerNo}`,
      aligned: true,
    })),
    { ...NEW_CUSTOMER, sageNo: null, aligned: true },
  ];
  for (let i = 0; names.length < 50; i++) {
    const stem = COMPANY_STEMS[i % COMPANY_STEMS.length] as string;
    const suffix = COMPANY_SUFFIXES[(i * 7) % COMPANY_SUFFIXES.length] as string;
    const name = `${stem} ${suffix}`;
    const slug = name
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(/[^a-z0-9]+/g, '');
    names.push({ name, sageNo: null, aligned: false, domain: `${slug.slice(0, 24)}.com` });
  }
  return names.map((n, i) => {
    const place = pick(rand, CITIES);
    const ts = SEED_EPOCH - (120 - i) * DAY;
    const org: OrgRec = {
      key: ctx.store.newKey('orgs'),
      teamKey,
      name: n.name,
      other: null,
      domains: [n.domain],
      industry: pick(rand, INDUSTRIES),
      phoneNumbers: [n.phone ?? `(${place.area}) 555-01${String(i % 100).padStart(2, '0')}`],
      addresses: [
        n.address ??
          `${100 + Math.floor(rand() * 9800)} ${pick(rand, STREETS)}, ${place.city}, ${place.state} ${place.zip}`,
      ],
      employeeCount: pick(rand, ['11-50', '51-200', '201-500', '501-1000']),
      logoURL: null,
      twitterHandle: null,
      facebookHandle: null,
      linkedinHandle: null,
      instagramHandle: null,
      creatorKey: owner.key,
      lastSavedUserKey: owner.key,
      creationDate: ts,
      lastSavedTimestamp: ts,
      contactLinks: [],
      orgLinks: [],
      fields: {},
    };
    ctx.store.state.orgs[org.key] = org;
    const contacts = [0, 1].map((j) => makeContact(ctx, rand, { org, owner, index: i * 2 + j }));
    org.contactLinks = contacts.map((c) => ({ key: c.key, isMagicLinked: true, creationTimestamp: ts }));
    return { org, sageNo: n.sageNo, aligned: n.aligned, contacts };
  });
}

function makeContact(ctx: Ctx, rand: Rand, o: { org: OrgRec; owner: UserRec; index: number }): ContactRec {
  const givenName = GIVEN_NAMES[(o.index * 3) % GIVEN_NAMES.length] as string;
  const familyName = FAMILY_NAMES[(o.index * 7 + 3) % FAMILY_NAMES.length] as string;
  const domain = o.org.domains[0] as string;
  const c: ContactRec = {
    key: ctx.store.newKey('contacts'),
    teamKey: o.org.teamKey,
    givenName,
    familyName,
    title: pick(rand, TITLES),
    other: null,
    emailAddresses: [`${givenName}.${familyName}@${domain}`.toLowerCase()],
    phoneNumbers: [`${o.org.phoneNumbers[0]} x${10 + o.index}`],
    addresses: [],
    domains: [domain],
    twitterHandle: null,
    facebookHandle: null,
    linkedinHandle: null,
    instagramHandle: null,
    photoUrl: null,
    creatorKey: o.owner.key,
    lastSavedUserKey: o.owner.key,
    creationDate: o.org.creationDate,
    lastSavedTimestamp: o.org.creationDate,
    contactLinks: [],
    orgLinks: [{ key: o.org.key, isMagicLinked: true, creationTimestamp: o.org.creationDate }],
    fields: {},
  };
  ctx.store.state.contacts[c.key] = c;
  return c;
}

interface BoxPlan {
  stage: string;
  org: SeededOrg;
  index: number;
  scenario?: DemoScenario;
}

/** Order lines: the scenario's, or one to four shared items; now and then a negotiated price (90% of list). */
function dealLines(
  rand: Rand,
  scenario: DemoScenario | undefined,
): Array<{ itemCode: string; qty: number; price: number; override: boolean }> {
  const priceOf = (code: string) => SHARED_DEMO_PRODUCTS.find((x) => x.itemCode === code)?.price ?? 0;
  if (scenario)
    return scenario.lines.map(([itemCode, qty]) => ({
      itemCode,
      qty,
      price: priceOf(itemCode),
      override: false,
    }));
  return Array.from({ length: 1 + Math.floor(rand() * 4) }, () => {
    const prod = pick(rand, SHARED_DEMO_PRODUCTS);
    const override = rand() < 0.1;
    return {
      itemCode: prod.itemCode,
      qty: 1 + Math.floor(rand() * 8),
      price: override ? Math.round(prod.price * 90) / 100 : prod.price,
      override,
    };
  });
}

function boxFields(p: PipelineRec, rand: Rand, o: BoxPlan): Record<string, unknown> {
  const key = (name: string): string => p.fields.find((f) => f.name === name)?.key as string;
  const option = (name: string, label: string): string => {
    const f = p.fields.find((x) => x.name === name);
    return [
      ...(f?.dropdownSettings?.items ?? []),
      ...(f?.tagSettings?.tags ?? []).map((t) => ({ key: t.key, name: t.tag })),
    ].find((x) => x.name === label)?.key as string;
  };
  const lines = dealLines(rand, o.scenario);
  const total = lines.reduce((sum, l) => sum + l.qty * l.price, 0);
  const creditLimit = pick(rand, [10_000, 25_000, 50_000, 100_000]);
  const won = o.stage === 'Closed-Won';
  const late = won || o.stage === 'Negotiation';
  // Deals Sage will take are in its base currency; early-stage deals may still be quoted in CAD or EUR.
  const currency = rand() < 0.85 || o.org.aligned ? 'USD' : rand() < 0.7 ? 'CAD' : 'EUR';
  // Some deals carry the stored link to the Sage customer, others only the organization: both must match.
  const linked = o.scenario ? o.scenario.linked : o.org.sageNo !== null && o.index % 3 !== 0;
  const f: Record<string, unknown> = {
    [key('Deal value')]: money(total),
    [key('Currency')]: option('Currency', currency),
    [key('Products')]: lines
      .map((l) => `${l.itemCode} x ${l.qty}${l.override ? ` @ ${money(l.price)}` : ''}`)
      .join('\n'),
    [key('Credit limit')]: money(creditLimit),
    [key('Open balance')]: money(Math.floor(rand() * creditLimit * 0.6)),
    [key('Expected close')]: SEED_EPOCH + Math.floor(rand() * 60 - 20) * DAY,
    [key('Rush order')]: rand() < 0.15,
    [key('Segment')]: [option('Segment', pick(rand, ['Wholesale', 'Retail', 'Government', 'Key account']))],
  };
  if (linked && o.org.sageNo) f[key('Sage customer no')] = o.org.sageNo;
  if (late && !o.scenario?.missingPo)
    f[key('PO reference')] = `PO-${String(40000 + o.index * 37).padStart(6, '0')}`;
  if (won && rand() < 0.8) {
    f[key('Sage sales order no')] = String(100 + o.index).padStart(7, '0');
    f[key('Order status')] = option(
      'Order status',
      pick(rand, ['Open', 'Shipped', 'Invoiced', 'Completed', 'On Hold']),
    );
  }
  if (rand() < 0.1)
    f[key('Inventory note')] =
      `Backorder: ${lines[0]?.itemCode} ships in ${1 + Math.floor(rand() * 3)} weeks`;
  return f;
}

const SCENARIO_NAMES = new Set(DEMO_SCENARIOS.map((x) => x.name));
/** Tests and the guided demo find scenario deals by name, so no generated deal may carry one. */
const generatedName = (org: string, theme: string): string => {
  const name = `${org} – ${theme}`;
  return SCENARIO_NAMES.has(name) ? `${name} (earlier)` : name;
};

function makeBoxes(ctx: Ctx, rand: Rand, o: { p: PipelineRec; orgs: SeededOrg[]; users: UserRec[] }): void {
  let index = 0;
  const aligned = o.orgs.filter((x) => x.aligned);
  STAGE_WEIGHTS.forEach((count, s) => {
    const stageKey = o.p.stageOrder[s] as string;
    const stage = DEMO_STAGES[s] as string;
    // Deals from Proposal on can be closed: they belong to companies Sage knows (or the one new prospect).
    const pool = s >= DEMO_STAGES.indexOf('Proposal') ? aligned : o.orgs;
    for (let i = 0; i < count; i++, index++) {
      const scenario = stage === 'Negotiation' ? DEMO_SCENARIOS[i] : undefined;
      const so = (
        scenario
          ? aligned.find((x) => x.org.name === scenario.organization)
          : pool[(index * 13) % pool.length]
      ) as SeededOrg;
      const user = o.users[index % o.users.length] as UserRec;
      const ts = SEED_EPOCH - ((200 - index) * DAY) / 3;
      const moved = ts + DAY;
      const b: BoxRec = {
        key: ctx.store.newKey('boxes'),
        pipelineKey: o.p.key,
        stageKey,
        name: scenario?.name ?? generatedName(so.org.name ?? '', pick(rand, DEAL_THEMES)),
        notes: '',
        creatorKey: user.key,
        creationTimestamp: ts,
        lastUpdatedTimestamp: moved,
        lastStageChangeTimestamp: moved,
        fields: boxFields(o.p, rand, { stage, org: so, index, ...(scenario ? { scenario } : {}) }),
        assignedToKeys: [user.key],
        followerKeys: [user.key],
        contacts: so.contacts
          .slice(0, 1 + (index % 2))
          .map((c) => ({ key: c.key, isStarred: false, isAutoboxed: false })),
        organizations: [{ key: so.org.key, isStarred: false, isAutoboxed: false }],
        linkedBoxKeys: [],
        stageHistory: [
          { stageKey: o.p.stageOrder[0] as string, timestamp: ts, userKey: user.key },
          { stageKey, timestamp: moved, userKey: user.key },
        ],
        history: [{ type: 'CREATE', timestamp: ts, userKey: user.key, detail: 'created in Lead' }],
      };
      ctx.store.state.boxes[b.key] = b;
    }
  });
}

/** Replace the state with the full demo data set. Same input, same keys, same values. */
export function seedDemo(ctx: Ctx): void {
  const { team, users } = seedIdentity(ctx.store);
  const owner = users[0] as UserRec;
  const rand = mulberry32(7);
  const p = createPipeline(ctx, {
    name: 'Sales',
    teamKey: team.key,
    creatorKey: owner.key,
    description: 'Lead to cash: deals that become Sage 100 sales orders',
    icon: 'briefcase',
    stages: DEMO_STAGES,
    fields: DEMO_FIELDS,
  });
  p.creationTimestamp = SEED_EPOCH - 90 * DAY;
  p.lastUpdatedTimestamp = SEED_EPOCH;
  for (const f of p.fields) f.lastUpdatedTimestamp = p.creationTimestamp;
  const orgs = makeOrgs(ctx, rand, team.key, owner);
  makeBoxes(ctx, rand, { p, orgs, users });
  ctx.store.useBytes(cryptoBytes);
  ctx.store.changed();
}

/** Reset to just the demo team and users (API keys keep working, no pipelines or CRM data). */
export function seedEmpty(ctx: Ctx): void {
  seedIdentity(ctx.store);
  ctx.store.useBytes(cryptoBytes);
}
