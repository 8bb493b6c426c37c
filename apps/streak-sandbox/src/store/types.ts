// Stored records. They hold what Streak keeps; the JSON clients see is built in ../views.
export type FieldType =
  | 'TEXT_INPUT'
  | 'DROPDOWN'
  | 'CHECKBOX'
  | 'DATE'
  | 'PERSON'
  | 'FORMULA'
  | 'TAG'
  | 'TEAM_CONTACT'
  | 'TEAM_ORGANIZATION';

export const FIELD_TYPES: readonly FieldType[] = [
  'TEXT_INPUT',
  'DROPDOWN',
  'CHECKBOX',
  'DATE',
  'PERSON',
  'FORMULA',
  'TAG',
  'TEAM_CONTACT',
  'TEAM_ORGANIZATION',
];

export interface FieldDef {
  key: string;
  name: string;
  type: FieldType;
  defaultValue?: string;
  lastUpdatedTimestamp: number;
  dropdownSettings?: { items: { key: string; name: string }[] };
  tagSettings?: { tags: { key: string; tag: string }[] };
}

export interface UserRec {
  key: string;
  email: string;
  givenName: string;
  familyName: string;
  apiKey: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  timezoneId: string;
}

export interface TeamRec {
  key: string;
  name: string;
  creator: string;
  creationDate: number;
  lastSavedTimestamp: number;
  members: { userKey: string; role: 'Member' | 'Owner'; inviteDate: number }[];
}

export interface StageRec {
  key: string;
  name: string;
  color: { foregroundColor: string; backgroundColor: string };
  isColorFromTheme: boolean;
}

export interface PipelineRec {
  key: string;
  name: string;
  description: string;
  icon: string;
  creatorKey: string;
  teamKey: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  stageOrder: string[];
  stages: Record<string, StageRec>;
  fields: FieldDef[];
  stageColorTheme: string;
  /** Per-pipeline counters: stage keys 5001+, field keys 1001+, option keys 9001+. */
  next: { stage: number; field: number; option: number };
}

export interface LinkRec {
  key: string;
  isStarred: boolean;
  isAutoboxed: boolean;
}

export interface BoxRec {
  key: string;
  pipelineKey: string;
  stageKey: string;
  name: string;
  notes: string;
  creatorKey: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
  lastStageChangeTimestamp: number;
  fields: Record<string, unknown>;
  assignedToKeys: string[];
  followerKeys: string[];
  contacts: LinkRec[];
  organizations: LinkRec[];
  linkedBoxKeys: string[];
  stageHistory: { stageKey: string; timestamp: number; userKey: string }[];
  /** Newsfeed-style audit entries, newest last (feeds the timeline). */
  history: { type: 'CREATE' | 'MOVE' | 'EDIT'; timestamp: number; userKey: string; detail: string }[];
}

/** What contacts and organizations share: team scope, social handles, audit stamps and magic links. */
interface PartyRec {
  key: string;
  teamKey: string;
  other: string | null;
  domains: string[];
  phoneNumbers: string[];
  addresses: string[];
  twitterHandle: string | null;
  facebookHandle: string | null;
  linkedinHandle: string | null;
  instagramHandle: string | null;
  creatorKey: string;
  lastSavedUserKey: string;
  creationDate: number;
  lastSavedTimestamp: number;
  contactLinks: { key: string; isMagicLinked: boolean; creationTimestamp: number }[];
  orgLinks: { key: string; isMagicLinked: boolean; creationTimestamp: number }[];
  fields: Record<string, unknown>;
}

export interface ContactRec extends PartyRec {
  givenName: string | null;
  familyName: string | null;
  title: string | null;
  emailAddresses: string[];
  photoUrl: string | null;
}

export interface OrgRec extends PartyRec {
  name: string | null;
  industry: string | null;
  employeeCount: string | null;
  logoURL: string | null;
}

export interface TaskRec {
  key: string;
  boxKey: string;
  creatorKey: string;
  creationDate: number;
  lastSavedTimestamp: number;
  lastStatusChangeDate: number;
  dueDate: number | null;
  text: string;
  status: 'NOT_DONE' | 'DONE';
  assignedToKeys: string[];
  meetingKey: string | null;
  isDraft: boolean;
  /** Set once TASK_DUE has fired so it fires at most once per due date. */
  dueFiredFor: number | null;
}

export interface CommentRec {
  key: string;
  boxKey: string;
  creatorKey: string;
  timestamp: number;
  lastSavedTimestamp: number;
  message: string;
  mentions: { userKey: string; offset: number; length: number }[];
  parent: string | null;
  reactions: { emoji: string; userKey: string }[];
}

export interface MeetingRec {
  key: string;
  boxKey: string;
  creatorKey: string;
  creationDate: number;
  lastSavedTimestamp: number;
  meetingType: 'CALL_LOG' | 'MEETING_NOTES';
  startTimestamp: number;
  duration: number | null;
  notes: string;
  taskKeys: string[];
  isDraft: boolean;
}

export interface WebhookRec {
  key: string;
  event: string;
  targetUrl: string;
  pipelineKey?: string;
  teamKey?: string;
  userKey: string;
  token: string | null;
  creationDate: number;
  lastSavedTimestamp: number;
}

export interface DeliveryRec {
  id: number;
  webhookKey: string;
  event: string;
  targetUrl: string;
  status: 'pending' | 'delivered' | 'failed' | 'dropped' | 'gone';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  nextAttemptAt: number | null;
  hasToken: boolean;
  payload: unknown[];
}

/** A key made through `PUT /v1/apikeys`; the seeded users' keys live on UserRec.apiKey. */
export interface ApiKeyRec {
  key: string;
  apiKey: string;
  userKey: string;
  keyType: 'USER' | 'TEAM';
  teamKey: string | null;
  creationTimestamp: number;
}

export interface State {
  version: 1;
  users: Record<string, UserRec>;
  apiKeys: Record<string, ApiKeyRec>;
  teams: Record<string, TeamRec>;
  pipelines: Record<string, PipelineRec>;
  boxes: Record<string, BoxRec>;
  contacts: Record<string, ContactRec>;
  orgs: Record<string, OrgRec>;
  tasks: Record<string, TaskRec>;
  comments: Record<string, CommentRec>;
  meetings: Record<string, MeetingRec>;
  webhooks: Record<string, WebhookRec>;
  deliveries: DeliveryRec[];
  nextDeliveryId: number;
}

export function emptyState(): State {
  return {
    version: 1,
    users: {},
    apiKeys: {},
    teams: {},
    pipelines: {},
    boxes: {},
    contacts: {},
    orgs: {},
    tasks: {},
    comments: {},
    meetings: {},
    webhooks: {},
    deliveries: [],
    nextDeliveryId: 1,
  };
}
