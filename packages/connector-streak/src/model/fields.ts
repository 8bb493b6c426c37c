// Custom field definitions (pipeline box fields, team contact/org fields): resolve a field by key or
// name, turn user values into Streak's wire form (option labels → keys, dates → epoch ms) and back.
import { z } from 'zod';
import { type ErrorSubject, PermanentError } from '@conduit/connector-kit';
import type { WireField } from '../api/wire';

export const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type FieldValue = z.output<typeof fieldValueSchema>;

const label = (f: WireField) => `"${f.name}" (${f.key})`;
const options = (f: WireField): { key: string; name: string }[] =>
  f.type === 'DROPDOWN' ? (f.dropdownSettings?.items ?? []) : (f.tagSettings?.tags ?? []).map((t) => ({ key: t.key, name: t.tag }));

export class FieldSet {
  readonly #owner: ErrorSubject;
  readonly fields: WireField[];

  constructor(owner: ErrorSubject, fields: WireField[]) {
    this.#owner = owner;
    this.fields = fields;
  }

  #fail(reason: 'validation' | 'not_found', field: string, detail: string): never {
    const subject = { ...this.#owner, field };
    const owner = this.#owner.name ? `${this.#owner.type} "${this.#owner.name}" (${this.#owner.key})` : `${this.#owner.type} ${this.#owner.key ?? ''}`;
    throw new PermanentError(reason, { connector: 'Streak', subject, message: `Streak: ${owner} ${detail}` });
  }

  /** A field by key ("1002") or by name ("Source", case-insensitive). */
  resolve(ref: string): WireField {
    const byKey = this.fields.find((f) => f.key === ref);
    if (byKey) return byKey;
    const byName = this.fields.filter((f) => f.name.toLowerCase() === ref.trim().toLowerCase());
    if (byName.length === 1 && byName[0]) return byName[0];
    if (byName.length > 1) this.#fail('validation', ref, `has several fields named "${ref}"; use the field key (${byName.map((f) => f.key).join(', ')})`);
    return this.#fail('not_found', ref, `has no field "${ref}"; its fields are ${this.fields.map(label).join(', ') || 'none'}`);
  }

  /** The wire value for a user value, or a validation error naming the field and the expected type. */
  encode(ref: string, value: FieldValue): { key: string; value: unknown } {
    const f = this.resolve(ref);
    const bad = (expected: string): never => this.#fail('validation', f.name, `field ${label(f)} is ${f.type}: expected ${expected}, got ${JSON.stringify(value)}`);
    if (value === null) return { key: f.key, value: null };
    switch (f.type) {
      case 'TEXT_INPUT':
        return typeof value === 'string' || typeof value === 'number' ? { key: f.key, value } : bad('text or a number');
      case 'DATE': {
        const ms = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : NaN;
        return Number.isFinite(ms) ? { key: f.key, value: ms } : bad('a date (epoch milliseconds or ISO-8601)');
      }
      case 'CHECKBOX':
        if (typeof value === 'boolean') return { key: f.key, value };
        return value === 'true' || value === 'false' ? { key: f.key, value: value === 'true' } : bad('true or false');
      case 'DROPDOWN':
        return typeof value === 'string' || typeof value === 'number' ? { key: f.key, value: this.#optionKey(f, String(value)) } : bad('one option');
      case 'TAG': {
        const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : bad('a list of tags');
        return { key: f.key, value: list.map((v) => this.#optionKey(f, v)) };
      }
      case 'FORMULA':
        return this.#fail('validation', f.name, `field ${label(f)} is a formula and cannot be written`);
      default:
        // PERSON / TEAM_CONTACT / TEAM_ORGANIZATION values are undocumented; pass them through unchanged.
        return { key: f.key, value };
    }
  }

  /** Encodes a map of values; two entries naming the same field (by key and by name) are refused, not silently merged. */
  encodeAll(values: Record<string, FieldValue>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const givenAs: Record<string, string> = {};
    for (const [ref, v] of Object.entries(values)) {
      const e = this.encode(ref, v);
      if (givenAs[e.key] !== undefined) this.#fail('validation', ref, `field ${label(this.resolve(ref))} is given twice (as "${givenAs[e.key]}" and "${ref}")`);
      givenAs[e.key] = ref;
      out[e.key] = e.value;
    }
    return out;
  }

  #optionKey(f: WireField, ref: string): string {
    const opts = options(f);
    const hit = opts.find((o) => o.key === ref) ?? opts.find((o) => o.name.toLowerCase() === ref.trim().toLowerCase());
    return hit ? hit.key : this.#fail('validation', f.name, `field ${label(f)} has no option "${ref}"; options are ${opts.map((o) => `"${o.name}" (${o.key})`).join(', ') || 'none'}`);
  }

  /** Values with option keys replaced by their labels, for people and mappings that think in labels. */
  labels(raw: Record<string, unknown> | undefined): Record<string, FieldValue> {
    const out: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(raw ?? {})) {
      const f = this.fields.find((x) => x.key === key);
      const name = (k: unknown) => options(f ?? { key, name: key, type: '' }).find((o) => o.key === String(k))?.name ?? String(k);
      if (f?.type === 'DROPDOWN' && value !== null) out[key] = name(value);
      else if (f?.type === 'TAG' && Array.isArray(value)) out[key] = value.map(name);
      else out[key] = asFieldValue(value);
    }
    return out;
  }

  /** The same labelled values keyed by field name; fields without a value are left out. */
  byName(raw: Record<string, unknown> | undefined): Record<string, FieldValue> {
    const labelled = this.labels(raw);
    return Object.fromEntries(this.fields.filter((f) => labelled[f.key] !== undefined).map((f) => [f.name, labelled[f.key] as FieldValue]));
  }
}

/** Coerces a wire value into the JSON shapes the outputs promise. */
export function asFieldValue(v: unknown): FieldValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(String);
  return JSON.stringify(v);
}

export function rawFieldValues(raw: Record<string, unknown> | undefined): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(raw ?? {}).map(([k, v]) => [k, asFieldValue(v)]));
}

/** Do two values match for "find by field value"? Tags match when the box carries every wanted tag. */
export function valuesMatch(actual: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) return Array.isArray(actual) && wanted.every((w) => actual.map(String).includes(String(w)));
  if (actual === null || actual === undefined) return wanted === null;
  return String(actual) === String(wanted);
}
