// Plain-language explanations for dead letters: what went wrong in the other system and what a person
// can do about it. Keyed on the connector error's reason and the remote message, most specific first.
import type { StepError } from './types';

interface Rule {
  test: (e: StepError) => boolean;
  reasonCode: string;
  suggest: (e: StepError) => string;
}

const subjectName = (e: StepError) => e.subject?.name ?? e.subject?.key ?? 'the record';
const remote = (e: StepError) => `${e.remoteMessage ?? ''} ${e.message}`.toLowerCase();

const RULES: Rule[] = [
  {
    test: (e) => /credit hold|credit_hold/.test(remote(e)),
    reasonCode: 'CREDIT_HOLD',
    suggest: (e) => `Customer ${subjectName(e)} is on credit hold in Sage 100: release the hold or route the order for approval, then replay.`,
  },
  {
    test: (e) => /credit limit/.test(remote(e)),
    reasonCode: 'CREDIT_LIMIT',
    suggest: (e) => `The order would take customer ${subjectName(e)} over its credit limit in Sage 100: raise the limit or get approval, then replay.`,
  },
  {
    test: (e) => /inactive/.test(remote(e)),
    reasonCode: 'INACTIVE_RECORD',
    suggest: (e) => `${subjectName(e)} is inactive in Sage 100: reactivate it or map to an active record, then replay.`,
  },
  {
    test: (e) => e.reason === 'not_found',
    reasonCode: 'NOT_FOUND',
    suggest: (e) => `${e.subject?.type ?? 'A record'} ${subjectName(e)} does not exist in the other system: create it or fix the value the flow maps into it, then replay.`,
  },
  {
    test: (e) => e.reason === 'auth',
    reasonCode: 'AUTH',
    suggest: () => 'The connection was refused (bad or revoked key/token): update the secret under Connections and test it, then replay.',
  },
  {
    test: (e) => e.reason === 'validation',
    reasonCode: 'VALIDATION',
    suggest: (e) => {
      const field = e.subject?.field ?? e.issues?.[0]?.path;
      return field ? `The value for ${field} was refused: fix the mapping or the source record, then replay.` : 'A value was refused by the other system: fix the mapping or the source record, then replay.';
    },
  },
  {
    test: (e) => e.reason === 'conflict',
    reasonCode: 'CONFLICT',
    suggest: () => 'The record already exists or changed meanwhile: check it in the other system, then replay or discard.',
  },
  {
    test: (e) => e.reason === 'host_blocked',
    reasonCode: 'HOST_BLOCKED',
    suggest: () => 'The connection points at a private or blocked address: allow that host on the connection if it is yours, then replay.',
  },
  {
    test: (e) => e.type === 'MappingError',
    reasonCode: 'MAPPING',
    suggest: () => 'The mapping could not produce a required value from this record: fill the missing field at the source or add a default in the mapping, then replay.',
  },
];

export function explainFailure(error: StepError): { reasonCode: string; suggestion: string } {
  const rule = RULES.find((r) => r.test(error));
  if (rule) return { reasonCode: rule.reasonCode, suggestion: rule.suggest(error) };
  return { reasonCode: (error.reason ?? error.type).toUpperCase(), suggestion: 'Read the error above, fix its cause in the named system or in the flow, then replay.' };
}
