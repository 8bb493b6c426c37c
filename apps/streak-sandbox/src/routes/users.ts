// Users (v1) and teams (v2), §4.1–4.2.
import type { Ctx } from '../domain/ctx';
import type { Api } from '../http/api';
import { ApiError, badRequest } from '../http/errors';
import { asObject, optList, optString, paged, type Obj } from '../http/input';
import type { TeamRec } from '../store/types';
import { teamView, userView } from '../views/users';
import { isMember, teamFor } from './access';

function parseMembers(ctx: Ctx, raw: unknown[], existing: TeamRec['members']): TeamRec['members'] {
  const users = Object.values(ctx.store.state.users);
  return raw.map((m) => {
    const o = (
      typeof m === 'string' ? (m.includes('@') ? { email: m } : { userKey: m }) : asObject(m)
    ) as Obj;
    const u = users.find(
      (x) =>
        x.key === o.userKey ||
        (typeof o.email === 'string' && x.email.toLowerCase() === o.email.toLowerCase()),
    );
    if (!u) throw badRequest(`No user found for member ${JSON.stringify(m)}`);
    const old = existing.find((e) => e.userKey === u.key);
    return {
      userKey: u.key,
      role: old?.role ?? (o.role === 'Owner' ? 'Owner' : 'Member'),
      inviteDate: old?.inviteDate ?? ctx.store.now(),
    };
  });
}

export function registerUsers(api: Api, ctx: Ctx): void {
  const { store } = ctx;
  api.get('/v1/users/me', (r) => userView(store.find('users', r.userKey)));
  api.get('/v1/users/:userKey', (r) => userView(store.find('users', r.params.userKey)));
  api.post('/v1/users/:userKey', (r) => {
    const u = store.find('users', r.params.userKey);
    if (u.key !== r.userKey) throw new ApiError(401, 'insufficient permissions for this resource');
    const o = asObject(r.body);
    const patch = {
      timezoneId: optString(o, 'timezoneId'),
      givenName: optString(o, 'firstName'),
      familyName: optString(o, 'lastName'),
    };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(u, { [k]: v });
    u.lastUpdatedTimestamp = store.now();
    store.changed();
    return userView(u);
  });

  api.get('/v2/users/me/teams', (r) => {
    const teams = Object.values(store.state.teams)
      .filter((t) => isMember(t, r.userKey))
      .sort((a, b) => b.creationDate - a.creationDate);
    return paged(
      teams.map((t) => teamView(store, t)),
      r.query,
      50,
    );
  });
  api.get('/v2/teams/:teamKey', (r) => teamView(store, teamFor(ctx, r.userKey, r.params.teamKey)));
  api.get('/v2/teams/:teamKey/users', (r) => {
    const t = teamFor(ctx, r.userKey, r.params.teamKey);
    return paged(
      t.members.map((m) => userView(store.find('users', m.userKey))),
      r.query,
      100,
    );
  });
  api.post('/v2/teams', (r) => {
    const o = asObject(r.body);
    const name = optString(o, 'name');
    if (!name?.trim()) throw badRequest('name is required');
    const members = parseMembers(ctx, optList(o, 'members') ?? [{ userKey: r.userKey }], []);
    if (!members.some((m) => m.userKey === r.userKey))
      throw badRequest('The creator must be a member of the team');
    const now = store.now();
    const team: TeamRec = {
      key: store.newKey('teams'),
      name: name.trim(),
      creator: r.userKey,
      creationDate: now,
      lastSavedTimestamp: now,
      members: members.map((m) => ({ ...m, role: m.userKey === r.userKey ? 'Owner' : m.role })),
    };
    store.state.teams[team.key] = team;
    store.changed();
    return teamView(store, team);
  });
  api.post('/v2/teams/:teamKey', (r) => {
    const t = teamFor(ctx, r.userKey, r.params.teamKey);
    const o = asObject(r.body);
    const name = optString(o, 'name');
    if (name !== undefined && !name.trim()) throw badRequest('name cannot be empty');
    const list = optList(o, 'members');
    const members = list === undefined ? undefined : parseMembers(ctx, list, t.members);
    if (members && members.length === 0) throw badRequest('A team needs at least one member');
    if (name !== undefined) t.name = name.trim();
    if (members) t.members = members;
    t.lastSavedTimestamp = store.now();
    store.changed();
    return teamView(store, t);
  });
}
