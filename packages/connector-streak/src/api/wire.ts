// Streak's JSON as it arrives (see reference §4). Almost everything is optional on the wire.

export type WireFieldType = 'TEXT_INPUT' | 'DROPDOWN' | 'CHECKBOX' | 'DATE' | 'PERSON' | 'FORMULA' | 'TAG' | 'TEAM_CONTACT' | 'TEAM_ORGANIZATION';

export interface WireField {
  key: string;
  name: string;
  type: WireFieldType | string;
  dropdownSettings?: { items?: { key: string; name: string }[] };
  tagSettings?: { tags?: { key: string; tag: string }[] };
}

export interface WireStage {
  key: string;
  name: string;
}

export interface WirePipeline {
  key: string;
  pipelineKey?: string;
  name: string;
  teamKey?: string;
  stageOrder?: string[];
  stages?: Record<string, WireStage>;
  fields?: WireField[];
}

export interface WireSharingEntry {
  userKey?: string;
  email?: string;
  displayName?: string;
  fullName?: string;
}

export interface WireLink {
  key: string;
  isStarred?: boolean;
  isAutoboxed?: boolean;
}

export interface WireBox {
  key: string;
  boxKey?: string;
  pipelineKey: string;
  stageKey?: string;
  name: string;
  notes?: string;
  creationTimestamp?: number;
  lastUpdatedTimestamp?: number;
  lastStageChangeTimestamp?: number;
  fields?: Record<string, unknown>;
  assignedToSharingEntries?: WireSharingEntry[];
  contacts?: WireLink[];
  organizations?: WireLink[];
}

export interface WireTeam {
  key: string;
  name: string;
  contactSettings?: { fields?: Record<string, WireField> };
  organizationSettings?: { fields?: Record<string, WireField> };
}

export interface WireContact {
  key: string;
  teamKey: string;
  givenName?: string | null;
  familyName?: string | null;
  title?: string | null;
  other?: string | null;
  emailAddresses?: string[];
  phoneNumbers?: string[];
  addresses?: string[];
  orgLinks?: WireLink[];
  fields?: Record<string, unknown>;
  creationDate?: number;
  lastSavedTimestamp?: number;
}

export interface WireOrganization {
  key: string;
  teamKey: string;
  name?: string | null;
  domains?: string[];
  industry?: string | null;
  phoneNumbers?: string[];
  addresses?: string[];
  other?: string | null;
  fields?: Record<string, unknown>;
  creationDate?: number;
  lastSavedTimestamp?: number;
}

export interface WireTask {
  key: string;
  boxKey: string;
  text: string;
  status?: string;
  dueDate?: number | null;
  creationDate?: number;
  lastSavedTimestamp?: number;
  // The 2026 spec says `assignedTo`; live integrations read `assignedToSharingEntries`. Both are read.
  assignedTo?: WireSharingEntry[];
  assignedToSharingEntries?: WireSharingEntry[];
}

export interface WireComment {
  key: string;
  commentKey?: string;
  boxKey: string;
  message: string;
  timestamp?: number;
  creatorKey?: string;
  lastSavedTimestamp?: number;
}

export interface WireMeeting {
  key: string;
  boxKey: string;
  meetingType: string;
  startTimestamp: number;
  duration?: number | null;
  notes?: string | null;
  creationDate?: number;
  lastSavedTimestamp?: number;
}

export interface WireWebhook {
  key: string;
  event: string;
  targetUrl: string;
}

/** v2 page-style lists. */
export interface PageOf<T> {
  results: T[];
  hasNextPage?: boolean;
}
