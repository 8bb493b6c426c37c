// Streak sends no delivery id, so the event key is derived from what was delivered: the same change
// always yields the same key (a redelivery is a duplicate), a later change of the same box a new one.
import { createHash } from 'node:crypto';

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

export function streakEventKey(event: string, object: Record<string, unknown>): string {
  const key = object.boxKey ?? object.key;
  const version = object.lastUpdatedTimestamp ?? object.lastSavedTimestamp ?? object.timestamp ?? object.creationTimestamp;
  if (typeof key === 'string' && (typeof version === 'number' || typeof version === 'string')) return `${event}:${key}:${version}`;
  return `${event}:${createHash('sha256').update(canonical(object)).digest('hex').slice(0, 32)}`;
}
