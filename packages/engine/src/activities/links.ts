// Recording Conduit's own writes: after every connector write, the written record's fingerprint and
// version go to the write ledger (link_write), and when the run was about a record of the other system
// (its trigger, or the for-each item it is working on) the pair Streak key ↔ Sage key goes to `link`.
import type { ConnectorRegistry } from '@conduit/connector-kit';
import type { Db } from '@conduit/db';
import type { ConnectorStepRequest } from '../types';
import { z } from 'zod';
import { fieldsHash, type RecordRef, recordRefOf, targetIdOf, writtenFields } from '../echo-refs';

export interface WriteRecord {
  environmentId: string;
  runId?: string;
  nodeId: string;
  /** Connector id of the write: streak, sage100. */
  system: string;
  input: unknown;
  output: unknown;
  startedAt: number;
  /** The record the run is about, when it is a record of a connector (see workflows/echo-source). */
  source?: RecordRef;
  /** The write's in-flight marker (see beginWrite), cleared by recordWrite. */
  pendingId: string;
}

/** Ledger rows of this type mark writes in flight; their record id is the write's idempotency key. */
export const PENDING = '~pending';

/**
 * Marks a write of a record type as in flight before it is sent (its `fields` hold the type, and the record's
 * id when the input names it). A remote can announce the change (a webhook) before
 * the write's answer is recorded here; the ingress then waits for the marker to clear instead of
 * mistaking our own write for a person's.
 */
export async function beginWrite(db: Pick<Db, '$executeRaw'>, w: { environmentId: string; system: string; pendingId: string; runId?: string; nodeId: string; startedAt: number; recordType: string; targetId?: string }): Promise<void> {
  const marks = w.targetId ? [w.recordType, w.targetId] : [w.recordType];
  // Markers of writes whose worker died mid-call are ignored after a minute and cleared here after an hour.
  await db.$executeRaw`
    WITH stale AS (DELETE FROM link_write WHERE environment_id = ${w.environmentId}::uuid AND system = ${w.system} AND record_type = ${PENDING} AND started_at < now() - interval '1 hour')
    INSERT INTO link_write (id, environment_id, system, record_type, record_id, fields, fields_hash, run_id, node_id, started_at, written_at)
    VALUES (gen_random_uuid(), ${w.environmentId}::uuid, ${w.system}, ${PENDING}, ${w.pendingId}, ${marks}::text[], '', ${w.runId ?? null}::uuid, ${w.nodeId}, ${new Date(w.startedAt)}, now())
    ON CONFLICT (environment_id, system, record_type, record_id) DO UPDATE SET started_at = EXCLUDED.started_at, written_at = EXCLUDED.written_at`;
}

export async function endWrite(db: Pick<Db, '$executeRaw'>, w: { environmentId: string; system: string; pendingId: string }): Promise<void> {
  await db.$executeRaw`DELETE FROM link_write WHERE environment_id = ${w.environmentId}::uuid AND system = ${w.system} AND record_type = ${PENDING} AND record_id = ${w.pendingId}`;
}

/** Which record type pairs with which: `link.entity` names the pair, Streak side first. */
const PAIRS: Record<string, string> = { 'organization|customer': 'customer', 'contact|contact': 'contact' };

export function pairOf(a: RecordRef, b: RecordRef): { entity: string; streakKey: string; sageKey: string } | undefined {
  const [streak, sage] = a.system === 'streak' ? [a, b] : [b, a];
  if (streak.system !== 'streak' || sage.system !== 'sage100') return undefined;
  const entity = PAIRS[`${streak.recordType}|${sage.recordType}`];
  return entity ? { entity, streakKey: streak.recordId, sageKey: sage.recordId } : undefined;
}

/** Records a successful write; returns the written record's ref (undefined when the output names no record). */
export async function recordWrite(db: Db, w: WriteRecord): Promise<RecordRef | undefined> {
  const ref = recordRefOf(w.system, w.output);
  if (!ref) {
    await endWrite(db, w);
    return undefined;
  }
  const fields = writtenFields(w.input, w.output);
  const hash = fieldsHash(w.output, fields);
  const pair = w.source ? pairOf(w.source, ref) : undefined;
  // One statement (a write step's hot path) clears the in-flight marker and records the write. Writes of
  // one run to one record keep the first start, so the saves of all of them count as that run's.
  const ledger = (tx: Pick<Db, '$executeRaw'>) => tx.$executeRaw`
    WITH done AS (DELETE FROM link_write WHERE environment_id = ${w.environmentId}::uuid AND system = ${w.system} AND record_type = ${PENDING} AND record_id = ${w.pendingId})
    INSERT INTO link_write (id, environment_id, system, record_type, record_id, fields, fields_hash, version, run_id, node_id, started_at, written_at)
    VALUES (gen_random_uuid(), ${w.environmentId}::uuid, ${ref.system}, ${ref.recordType}, ${ref.recordId}, ${fields}::text[], ${hash}, ${ref.version ?? null}::float8,
            ${w.runId ?? null}::uuid, ${w.nodeId}, ${new Date(w.startedAt)}, now())
    ON CONFLICT (environment_id, system, record_type, record_id) DO UPDATE SET
      fields = EXCLUDED.fields, fields_hash = EXCLUDED.fields_hash, version = EXCLUDED.version, node_id = EXCLUDED.node_id, written_at = EXCLUDED.written_at,
      started_at = CASE WHEN link_write.run_id = EXCLUDED.run_id THEN LEAST(link_write.started_at, EXCLUDED.started_at) ELSE EXCLUDED.started_at END,
      run_id = EXCLUDED.run_id`;
  if (!pair) {
    await ledger(db);
    return ref;
  }
  await db.$transaction(async (tx) => {
    await ledger(tx);
    // A record pairs with one record on the other side: a pairing that moved replaces the old one.
    await tx.link.deleteMany({ where: { environmentId: w.environmentId, entity: pair.entity, OR: [{ streakKey: pair.streakKey, NOT: { sageKey: pair.sageKey } }, { sageKey: pair.sageKey, NOT: { streakKey: pair.streakKey } }] } });
    await tx.link.upsert({
      where: { environmentId_entity_streakKey: { environmentId: w.environmentId, entity: pair.entity, streakKey: pair.streakKey } },
      update: { lastWrittenHash: hash, lastWrittenSide: ref.system },
      create: { environmentId: w.environmentId, ...pair, lastWrittenHash: hash, lastWrittenSide: ref.system },
    });
  });
  return ref;
}

/**
 * The record type an action's output describes, read off its output schema (a box has a pipeline, an
 * organization domains …): what an in-flight write of that action may cause events about.
 */
export function outputRecordType(system: string, output: z.ZodType): string | undefined {
  const shape = (output as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape) return undefined;
  const probe = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, s instanceof z.ZodArray ? [] : k === 'timeUpdated' ? '1' : k === 'dateUpdated' ? '2000-01-01' : 'x']));
  return recordRefOf(system, probe)?.recordType;
}

/**
 * Runs a connector step, recording it when it is a write of a record (in flight before it is sent, the
 * written record after): the link table knows the write before the step counts as done.
 */
export function recordedWrites(db: Db, registry: ConnectorRegistry) {
  const types = new Map<string, string | undefined>();
  const writtenType = (connector: string, version: string, action: string) => {
    const key = `${connector}@${version}:${action}`;
    if (!types.has(key)) {
      const def = registry.get(connector, version).actions.find((a) => a.key === action);
      types.set(key, def ? outputRecordType(connector, def.output) : undefined);
    }
    return types.get(key);
  };
  return async (req: ConnectorStepRequest, connector: string, version: string, run: (options: { idempotencyKey?: string }) => Promise<unknown>): Promise<unknown> => {
    const recordType = req.idempotencyKey ? writtenType(connector, version, req.action) : undefined;
    if (!req.idempotencyKey || !recordType) return run(req.idempotencyKey ? { idempotencyKey: req.idempotencyKey } : {});
    const write = { environmentId: req.environmentId, nodeId: req.nodeId, system: connector, pendingId: req.idempotencyKey, startedAt: Date.now(), recordType, ...(req.runId ? { runId: req.runId } : {}) };
    const targetId = targetIdOf(connector, recordType, req.input);
    await beginWrite(db, { ...write, ...(targetId ? { targetId } : {}) });
    let output: unknown;
    try {
      output = await run({ idempotencyKey: req.idempotencyKey });
    } catch (error) {
      await endWrite(db, write);
      throw error;
    }
    await recordWrite(db, { ...write, input: req.input, output, ...(req.source ? { source: req.source } : {}) });
    return output;
  };
}
