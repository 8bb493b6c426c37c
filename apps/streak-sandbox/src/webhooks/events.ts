// Webhook event names and their scope, as listed on streak.readme.io/docs/webhooks (pipeline scope)
// and by the n8n / Pipedream / Activepieces triggers (team scope).
export const PIPELINE_EVENTS = [
  'BOX_CREATE',
  'BOX_DELETE',
  'STAGE_CREATE',
  'BOX_NEW_EMAIL_ADDRESS',
  'BOX_EDIT',
  'BOX_CHANGE_STAGE',
  'BOX_CHANGE_PIPELINE',
  'COMMENT_CREATE',
  'MEETING_CREATE',
  'MEETING_UPDATE',
  'TASK_CREATE',
  'TASK_COMPLETE',
  'TASK_DUE',
  'TASK_UPDATED',
] as const;

export const TEAM_EVENTS = [
  'CONTACT_CREATE',
  'CONTACT_UPDATE',
  'CONTACT_DELETE',
  'ORG_CREATE',
  'ORG_UPDATE',
  'ORG_DELETE',
] as const;

export type WebhookEvent = (typeof PIPELINE_EVENTS)[number] | (typeof TEAM_EVENTS)[number];

export const isWebhookEvent = (e: unknown): e is WebhookEvent =>
  typeof e === 'string' && ([...PIPELINE_EVENTS, ...TEAM_EVENTS] as string[]).includes(e);

export const isTeamEvent = (e: WebhookEvent): boolean => (TEAM_EVENTS as readonly string[]).includes(e);
