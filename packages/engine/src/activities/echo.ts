// Echo suppression: a change event is dropped when the record's state it shows is the one our own last
// write produced. Both trigger paths (webhook ingress, change-feed polling) ask here before starting
// runs, and record a dropped event as a finished run that says "dropped: echo of run X".
import type { Db } from '@conduit/db';
import { fieldsHash, type RecordRef, recordRefOf } from '../echo-refs';
import { PENDING } from './links';

/** Systems whose versions are UTC instants (comparable with our clock); Sage 100 stamps are server-local. */
const UTC_VERSIONS = new Set(['streak']);
/** Clock difference tolerated between us and the remote when a version falls inside our write. */
const SKEW_MS = 1_000;

export interface LedgerRow {
  fields: string[];
  fieldsHash: string;
  version: number | null;
  runId: string | null;
  startedAt: Date;
}

/**
 * The event shows our write when its version is the one our write left, or (UTC systems) lies inside the
 * write's own time span: a get-or-create that also updates saves twice, and both saves come back. Without
 * versions, the written fields must hold exactly what we wrote. A later human save has a newer version.
 */
export function isEcho(event: { ref: RecordRef; payload: unknown }, row: LedgerRow): boolean {
  const v = event.ref.version;
  if (v !== undefined && row.version !== null) {
    if (v === row.version) return true;
    return UTC_VERSIONS.has(event.ref.system) && v >= row.startedAt.getTime() - SKEW_MS && v <= row.version;
  }
  return fieldsHash(event.payload, row.fields) === row.fieldsHash;
}

export interface Echo {
  /** The run whose write this event echoes. */
  runId: string | null;
  ref: RecordRef;
}

const IN_FLIGHT_MS = 60_000;
const WAIT_STEP_MS = 20;

type Row = LedgerRow & { recordType: string; recordId: string };
const ledgerRows = (db: Pick<Db, 'linkWrite'>, environmentId: string, system: string, refs: RecordRef[]) =>
  db.linkWrite.findMany({
    where: { environmentId, system, OR: [...refs.map((r) => ({ recordType: r.recordType, recordId: r.recordId })), { recordType: PENDING, startedAt: { gt: new Date(Date.now() - IN_FLIGHT_MS) } }] },
    select: { recordType: true, recordId: true, fields: true, fieldsHash: true, version: true, runId: true, startedAt: true },
  });

/**
 * A write still in flight to a record of this type (this very record, when the write named it) that began
 * before this change was saved may be what announced it.
 */
const mayBeOurs = (ref: RecordRef, pending: Row[]) =>
  pending.some(
    (p) =>
      p.fields[0] === ref.recordType &&
      (p.fields[1] === undefined || p.fields[1] === ref.recordId) &&
      (ref.version === undefined || !UTC_VERSIONS.has(ref.system) || p.startedAt.getTime() - SKEW_MS <= ref.version),
  );

/**
 * For each event (by index), the echo it is, if any: one query for the whole batch. An undecided event
 * that a write in flight (of a record of its type, begun before its save) may have caused waits, bounded,
 * for that write to be recorded.
 */
export async function findEchoes(db: Pick<Db, 'linkWrite'>, environmentId: string, system: string, payloads: unknown[], options: { waitMs?: number } = {}): Promise<Map<number, Echo>> {
  const refs = payloads.map((p) => recordRefOf(system, p));
  const wanted = refs.filter((r): r is RecordRef => r !== undefined);
  const found = new Map<number, Echo>();
  if (!wanted.length) return found;
  const decide = (rows: Row[]) =>
    refs.forEach((ref, i) => {
      const row = ref && rows.find((r) => r.recordType === ref.recordType && r.recordId === ref.recordId);
      if (ref && row && isEcho({ ref, payload: payloads[i] }, row)) found.set(i, { runId: row.runId, ref });
    });
  let rows: Row[] = await ledgerRows(db, environmentId, system, wanted);
  decide(rows);
  const pending = () => rows.filter((r) => r.recordType === PENDING);
  const undecided = () => wanted.filter((ref) => ![...found.values()].some((e) => e.ref === ref) && mayBeOurs(ref, pending()));
  for (let waited = 0; waited < (options.waitMs ?? 3_000) && undecided().length; waited += WAIT_STEP_MS) {
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
    rows = await ledgerRows(db, environmentId, system, wanted);
    decide(rows);
  }
  return found;
}

export const echoMessage = (echo: Echo) =>
  `dropped: echo of run ${echo.runId ?? '(unknown)'} — this change of ${echo.ref.system} ${echo.ref.recordType} ${echo.ref.recordId} is Conduit's own write coming back`;

/** A dropped event's run row: finished at once, cancelled, with the reason as its error. */
export function droppedRunRow<R extends { status: string }>(queued: R, echo: Echo): Omit<R, 'status'> & { status: 'cancelled'; error: string; finishedAt: Date; durationMs: number } {
  return { ...queued, status: 'cancelled', error: echoMessage(echo), finishedAt: new Date(), durationMs: 0 };
}
