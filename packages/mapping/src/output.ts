// How an evaluation builds its output object. Fields write their values into slots, one per top-level key of
// the output; the object is built once at the end by cloning a template with those keys. Adding thirty keys
// to a fresh {} one computed store at a time is what V8 is worst at (it gives up on a hidden class after a
// dozen and rehashes a dictionary as it grows): it was a fifth of the time of a 30-field mapping.
import { listAt, writePath } from './paths';

/** One evaluation's output so far: values by slot, slots in the order they were first written, and the sum
 * of the `bit`s of the fields that first wrote them, which names that order (see Place.bit). */
export interface Staging {
  vals: unknown[];
  order: number[];
  key: number;
}

/** Where a field writes: a slot, then the segments below the top-level key. */
export interface Place {
  slot: number;
  /** 2^(index of the field): the fields that write first decide which keys exist and in what order. */
  bit: number;
  path: ReadonlyArray<string | number>;
}

// Templates are named by a sum of powers of two, exact up to 2^53; bigger mappings build without them.
const MAX_FIELDS_WITH_TEMPLATES = 53;
// A mapping produces only a few key sets in practice (optional fields present or not); stop remembering
// beyond this many so memory stays flat whatever the data.
const MAX_TEMPLATES = 64;

export class OutputLayout {
  private readonly keys: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly templates = new Map<number, Record<string, unknown>>();
  private useTemplates = true;

  /** The place of a field (its position in the spec) writing at head. */
  place(head: readonly string[], field: number): Place {
    const top = head[0]!;
    let slot = this.slots.get(top);
    if (slot === undefined) {
      slot = this.keys.push(top) - 1;
      this.slots.set(top, slot);
    }
    if (field >= MAX_FIELDS_WITH_TEMPLATES) this.useTemplates = false;
    return { slot, bit: 2 ** field, path: [slot, ...head.slice(1)] };
  }

  stage(): Staging {
    return { vals: new Array<unknown>(this.keys.length), order: [], key: 0 };
  }

  build(out: Staging): Record<string, unknown> {
    const { vals, order } = out;
    const template = this.templates.get(out.key);
    let obj: Record<string, unknown>;
    if (template !== undefined) obj = { ...template };
    else {
      obj = {};
      if (this.useTemplates && this.templates.size < MAX_TEMPLATES) this.templates.set(out.key, this.template(order));
    }
    for (let i = 0; i < order.length; i++) {
      const slot = order[i]!;
      obj[this.keys[slot]!] = vals[slot];
    }
    return obj;
  }

  // JSON.parse gives an object with fast properties (a hidden class) for any key count templates are used for;
  // target names were checked (no __proto__), so the parsed object has exactly these own keys in this order.
  private template(order: readonly number[]): Record<string, unknown> {
    const shape: Record<string, null> = {};
    for (const slot of order) shape[this.keys[slot]!] = null;
    return JSON.parse(JSON.stringify(shape)) as Record<string, unknown>;
  }
}

function claim(out: Staging, at: Place): void {
  if (out.vals[at.slot] !== undefined) return;
  out.order.push(at.slot);
  out.key += at.bit;
}

/** Writes a header field's value. */
export function writeAt(out: Staging, at: Place, v: unknown): void {
  claim(out, at);
  if (at.path.length === 1) out.vals[at.slot] = v;
  else writePath(out.vals, at.path, v);
}

/** The list a per-element field writes into, created if missing. */
export function listOf(out: Staging, at: Place): unknown[] {
  claim(out, at);
  return listAt(out.vals, at.path);
}
