// Public surface of the Streak connector.
export { streakConnector } from './connector';
export { streakAuthSchema, STREAK_BASE_URL, type StreakAuth } from './auth';
export { TOKEN_HEADER as STREAK_WEBHOOK_TOKEN_HEADER } from './triggers/webhook';
export type { Box } from './model/records';
export { withoutRef } from './actions/own-write';
