/** What the host passes to an evaluation besides the data. Everything time- or rate-dependent comes from here. */
export interface EvalContext {
  /** Epoch milliseconds; the only clock an expression can see (as `$now`). Workflow code passes Temporal's time. */
  now?: number;
  /** IANA zone used by date functions when none is given; defaults to 'UTC'. */
  timeZone?: string;
  /** Currency rates: 1 unit of `base` = rates[code] units of `code`. */
  rates?: { base: string; rates: Record<string, number> };
  /** Named value tables for lookup(table, key). */
  tables?: Record<string, Record<string, unknown>>;
}

/** A bad-data failure inside a function or operator; the mapping turns it into an error value for the field.
 * Deliberately not an Error: capturing a stack trace per bad record would dominate the cost of a failing batch. */
export class ValueFailure {
  constructor(readonly message: string) {}
}

export function fail(message: string): never {
  throw new ValueFailure(message);
}
