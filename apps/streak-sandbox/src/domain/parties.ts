// Contacts and organizations (§4.7–4.8) share one set of rules, parameterised by kind: team-scoped,
// get-or-create without merging, partial updates where null/omitted means unchanged and lists
// replace, `fields` merged, and an identity invariant (contact: name or email; org: name or domain).
import { badRequest } from '../http/errors';
import { asObject, optStringList, type Obj } from '../http/input';
import type { ContactRec, OrgRec } from '../store/types';
import { contactView, orgView } from '../views/crm';
import type { Ctx } from './ctx';

type Rec = ContactRec | OrgRec;
type Link = Rec['contactLinks'][number];

interface Kind {
  table: 'contacts' | 'orgs';
  strings: string[];
  lists: string[];
  hasIdentity(r: Partial<Rec>): boolean;
  identityError: string;
  /** Values an existing record is matched on for `getIfExisting`. */
  matchOn(r: Partial<Rec>): string[];
  events: {
    create: 'CONTACT_CREATE' | 'ORG_CREATE';
    update: 'CONTACT_UPDATE' | 'ORG_UPDATE';
    del: 'CONTACT_DELETE' | 'ORG_DELETE';
  };
}

const HANDLES = ['twitterHandle', 'facebookHandle', 'linkedinHandle', 'instagramHandle'];
const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const normDomain = (d: string): string =>
  d
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '');

export const CONTACT: Kind = {
  table: 'contacts',
  strings: ['givenName', 'familyName', 'title', 'other', 'photoUrl', ...HANDLES],
  lists: ['emailAddresses', 'phoneNumbers', 'addresses', 'domains'],
  hasIdentity: (r) =>
    filled((r as ContactRec).givenName) ||
    filled((r as ContactRec).familyName) ||
    ((r as ContactRec).emailAddresses?.length ?? 0) > 0,
  identityError: 'A contact needs a name or an email address',
  matchOn: (r) => (r as ContactRec).emailAddresses ?? [],
  events: { create: 'CONTACT_CREATE', update: 'CONTACT_UPDATE', del: 'CONTACT_DELETE' },
};

export const ORG: Kind = {
  table: 'orgs',
  strings: ['name', 'other', 'industry', 'employeeCount', 'logoURL', ...HANDLES],
  lists: ['domains', 'phoneNumbers', 'addresses'],
  hasIdentity: (r) => filled((r as OrgRec).name) || ((r as OrgRec).domains?.length ?? 0) > 0,
  identityError: 'An organization needs a name or a domain',
  matchOn: (r) => ((r as OrgRec).domains ?? []).map(normDomain),
  events: { create: 'ORG_CREATE', update: 'ORG_UPDATE', del: 'ORG_DELETE' },
};

function parseLinks(
  ctx: Ctx,
  o: Obj,
  prop: 'contactLinks' | 'orgLinks',
  existing: Link[],
): Link[] | undefined {
  if (o[prop] === undefined || o[prop] === null) return undefined;
  if (!Array.isArray(o[prop])) throw badRequest(`${prop} must be an array`);
  const table = prop === 'contactLinks' ? ctx.store.state.contacts : ctx.store.state.orgs;
  return (o[prop] as unknown[]).map((raw) => {
    const l = asObject(raw);
    if (typeof l.key !== 'string' || !(l.key in table))
      throw badRequest(`${prop}: ${String(l.key)} does not exist`);
    const old = existing.find((e) => e.key === l.key);
    return {
      key: l.key,
      isMagicLinked: l.isMagicLinked === true,
      creationTimestamp: old?.creationTimestamp ?? ctx.store.now(),
    };
  });
}

/** The validated changes in a create/update body. */
function parseChanges(ctx: Ctx, kind: Kind, body: unknown, current?: Rec): Partial<Rec> {
  const o = asObject(body);
  const out: Record<string, unknown> = {};
  for (const k of kind.strings) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw badRequest(`${k} must be a string`);
    out[k] = v;
  }
  for (const k of kind.lists) {
    const v = optStringList(o, k);
    if (v !== undefined)
      out[k] = [...new Set(k === 'emailAddresses' ? v.map((e) => e.trim().toLowerCase()) : v)];
  }
  const bad = (out.emailAddresses as string[] | undefined)?.find((e) => !/^[^@\s]+@[^@\s]+$/.test(e));
  if (bad !== undefined) throw badRequest(`Invalid email address: ${bad}`);
  if (current) {
    const links = {
      contactLinks: parseLinks(ctx, o, 'contactLinks', current.contactLinks),
      orgLinks: parseLinks(ctx, o, 'orgLinks', current.orgLinks),
    };
    for (const [k, v] of Object.entries(links)) if (v) out[k] = v;
    if (o.fields !== undefined && o.fields !== null) {
      const merged = { ...current.fields };
      for (const [k, v] of Object.entries(asObject(o.fields))) if (v !== null) merged[k] = v;
      out.fields = merged;
    }
  }
  return out as Partial<Rec>;
}

export function createParty(
  ctx: Ctx,
  kind: Kind,
  input: { teamKey: string; body: unknown; userKey: string; getIfExisting: boolean },
): Rec {
  const { store } = ctx;
  store.find('teams', input.teamKey);
  const changes = parseChanges(ctx, kind, input.body);
  if (!kind.hasIdentity(changes)) throw badRequest(kind.identityError);
  if (input.getIfExisting) {
    const wanted = new Set(kind.matchOn(changes));
    const table = store.state[kind.table] as Record<string, Rec>;
    const hit = Object.values(table).find(
      (r) => r.teamKey === input.teamKey && kind.matchOn(r).some((m) => wanted.has(m)),
    );
    if (hit) return hit;
  }
  const now = store.now();
  const blank = Object.fromEntries([
    ...kind.strings.map((k) => [k, null]),
    ...kind.lists.map((k) => [k, []]),
  ]);
  const rec = {
    ...blank,
    ...changes,
    key: store.newKey(kind.table),
    teamKey: input.teamKey,
    creatorKey: input.userKey,
    lastSavedUserKey: input.userKey,
    creationDate: now,
    lastSavedTimestamp: now,
    contactLinks: [],
    orgLinks: [],
    fields: {},
  } as unknown as Rec;
  (store.state[kind.table] as Record<string, Rec>)[rec.key] = rec;
  store.changed();
  ctx.hooks.emit(kind.events.create, { teamKey: rec.teamKey }, [partyView(rec)]);
  return rec;
}

export function updateParty(ctx: Ctx, kind: Kind, rec: Rec, body: unknown, userKey: string): Rec {
  const changes = parseChanges(ctx, kind, body, rec);
  if (!kind.hasIdentity({ ...rec, ...changes } as Partial<Rec>)) throw badRequest(kind.identityError);
  Object.assign(rec, changes, { lastSavedTimestamp: ctx.store.now(), lastSavedUserKey: userKey });
  ctx.store.changed();
  ctx.hooks.emit(kind.events.update, { teamKey: rec.teamKey }, [partyView(rec)]);
  return rec;
}

/** Deleting also unlinks the record from boxes and from other contacts/orgs. */
export function deleteParty(ctx: Ctx, kind: Kind, rec: Rec): void {
  const s = ctx.store.state;
  const view = partyView(rec);
  delete (s[kind.table] as Record<string, Rec>)[rec.key];
  const boxProp = kind.table === 'contacts' ? 'contacts' : 'organizations';
  for (const b of Object.values(s.boxes)) b[boxProp] = b[boxProp].filter((l) => l.key !== rec.key);
  const linkProp = kind.table === 'contacts' ? 'contactLinks' : 'orgLinks';
  for (const r of [...Object.values(s.contacts), ...Object.values(s.orgs)])
    r[linkProp] = r[linkProp].filter((l) => l.key !== rec.key);
  ctx.store.changed();
  ctx.hooks.emit(kind.events.del, { teamKey: rec.teamKey }, [view]);
}

export function partyView(rec: Rec) {
  return 'givenName' in rec ? contactView(rec) : orgView(rec);
}
