// JSON shapes for users and teams, following the reference's §4.1–4.2.
import type { Store } from '../store/store';
import type { TeamRec, UserRec } from '../store/types';

const fullName = (u: UserRec): string => `${u.givenName} ${u.familyName}`;
const avatar = (u: UserRec): string => `https://www.gravatar.com/avatar/${u.key.slice(-16)}?d=identicon`;

export function userView(u: UserRec) {
  return {
    key: u.key,
    userKey: u.key,
    email: u.email,
    lowercaseEmail: u.email.toLowerCase(),
    displayName: u.givenName,
    googleProfileFullName: fullName(u),
    googleProfileFirstName: u.givenName,
    googleProfileLastName: u.familyName,
    googleProfilePhotoUrl: avatar(u),
    userType: 'HUMAN',
    timezoneId: u.timezoneId,
    creationTimestamp: u.creationTimestamp,
    lastUpdatedTimestamp: u.lastUpdatedTimestamp,
    lastSavedTimestamp: u.lastUpdatedTimestamp,
    lastSeenTimestamp: u.lastUpdatedTimestamp,
    isOauthComplete: true,
  };
}

/** The legacy "sharing entry" embedded in boxes (assignees, creator, followers). */
export function sharingEntry(store: Store, userKey: string) {
  const u = store.state.users[userKey];
  if (!u) return { userKey, email: '', displayName: '', fullName: '', image: '' };
  return {
    userKey: u.key,
    email: u.email,
    displayName: u.givenName,
    fullName: fullName(u),
    image: avatar(u),
  };
}

/** The newer `UserBrief` embedded in tasks and comment reactions. */
export function userBrief(store: Store, userKey: string) {
  const e = sharingEntry(store, userKey);
  const u = store.state.users[userKey];
  return {
    userKey,
    email: e.email,
    displayName: e.displayName,
    fullName: e.fullName,
    givenName: u?.givenName ?? '',
    avatarUrl: e.image,
  };
}

export function teamView(store: Store, t: TeamRec) {
  return {
    key: t.key,
    teamKey: t.key,
    name: t.name,
    creator: t.creator,
    creationDate: t.creationDate,
    lastSavedTimestamp: t.lastSavedTimestamp,
    emailsToSendInvoiceTo: [],
    members: t.members.map((m) => {
      const e = sharingEntry(store, m.userKey);
      return {
        userKey: m.userKey,
        role: m.role,
        inviteDate: m.inviteDate,
        inviteStatus: 'Accepted',
        emailSharing: 'Existence',
        displayName: e.displayName,
        email: e.email,
        fullName: e.fullName,
        givenName: store.state.users[m.userKey]?.givenName ?? '',
        image: e.image,
        userType: 'HUMAN',
      };
    }),
    contactOrgListPermissions: {},
    contactSettings: { fields: {} },
    organizationSettings: { fields: {} },
    sharingRestrictedToTeam: false,
    automaticallyApproveJoinRequests: false,
  };
}
