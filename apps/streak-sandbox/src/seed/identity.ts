// The demo identity every sandbox starts with: one team, four users, each with a fixed API key.
// One key uses the legacy 32-hex format so clients are exercised with both formats Streak issues.
import type { Store } from '../store/store';
import { seededBytes } from '../store/keys';
import { emptyState, type TeamRec, type UserRec } from '../store/types';

export const DEMO_API_KEY = 'strk_demo8c2f41a97e3b5d06c4a1f9e27b8d3c55';

export const DEMO_USERS = [
  {
    givenName: 'Dana',
    familyName: 'Whitaker',
    email: 'dana.whitaker@demo-outfitters.com',
    apiKey: DEMO_API_KEY,
  },
  {
    givenName: 'Marcus',
    familyName: 'Lee',
    email: 'marcus.lee@demo-outfitters.com',
    apiKey: 'strk_demo3e9a0c7d5b1f48a2e6c0d9b7f3a1e842',
  },
  {
    givenName: 'Priya',
    familyName: 'Raman',
    email: 'priya.raman@demo-outfitters.com',
    apiKey: '5f1c8e3a9b7d40c2a6e18f5b3d9c7a21',
  },
  {
    givenName: 'Tom',
    familyName: 'Okafor',
    email: 'tom.okafor@demo-outfitters.com',
    apiKey: 'strk_demo71b4d9e2c8a6f035b1e7d4c9a2f6b0e3',
  },
] as const;

export const DEMO_TEAM_NAME = 'Demo Outfitters Sales';

/** Fixed clock for seeded records (2026-01-05T15:00:00Z) so snapshots of the seed are identical. */
export const SEED_EPOCH = Date.UTC(2026, 0, 5, 15);
const SEED = 20260105;

export function seedIdentity(store: Store): { team: TeamRec; users: UserRec[] } {
  store.replace(emptyState(), seededBytes(SEED));
  const users = DEMO_USERS.map((u, i): UserRec => ({
    key: store.newKey('users'),
    email: u.email,
    givenName: u.givenName,
    familyName: u.familyName,
    apiKey: u.apiKey,
    creationTimestamp: SEED_EPOCH - (30 - i) * 86_400_000,
    lastUpdatedTimestamp: SEED_EPOCH,
    timezoneId: 'America/Chicago',
  }));
  const owner = users[0] as UserRec;
  const team: TeamRec = {
    key: store.newKey('teams'),
    name: DEMO_TEAM_NAME,
    creator: owner.key,
    creationDate: owner.creationTimestamp,
    lastSavedTimestamp: SEED_EPOCH,
    members: users.map((u) => ({
      userKey: u.key,
      role: u === owner ? 'Owner' : 'Member',
      inviteDate: u.creationTimestamp,
    })),
  };
  for (const u of users) store.state.users[u.key] = u;
  store.state.teams[team.key] = team;
  store.changed();
  return { team, users };
}
