// Streak has no idempotency for comments and tasks. When the engine gives a write step its idempotency key,
// the text carries a short reference line made from it; an attempt first looks for an item with that line on
// the box, so a retry after a lost reply (Streak saved it, the answer never came) returns the saved item
// instead of posting a second comment or task.

const REF_PREFIX = 'Conduit ref ';

/** The reference line for one step of one event; 12 hex digits of the key are plenty per box. */
export const refLine = (idempotencyKey: string): string => `${REF_PREFIX}${idempotencyKey.slice(0, 12)}`;

/** The text to send: as given without a key, else with the reference line after a blank line. */
export const withRef = (text: string, idempotencyKey: string | undefined): string => (idempotencyKey ? `${text}\n\n${refLine(idempotencyKey)}` : text);

/** The earlier write of this step on the box, if an attempt already made it. */
export function findOwnWrite<T>(items: readonly T[], text: (item: T) => string | undefined, idempotencyKey: string): T | undefined {
  const line = refLine(idempotencyKey);
  return items.find((item) => text(item)?.endsWith(`\n${line}`));
}

/** The text as the flow wrote it, without the reference line (for reading comments and tasks back). */
export const withoutRef = (text: string): string => text.replace(/\n\nConduit ref [0-9a-f]{1,12}$/, '');
