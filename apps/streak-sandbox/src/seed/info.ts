// The keys the demo seed produces, by name, so tests and demos never hard-code opaque keys.
// The seed is deterministic, so running it on a scratch store yields the keys every seeded sandbox has.
import type { Ctx } from '../domain/ctx';
import { FaultInjector } from '../http/faults';
import { Store } from '../store/store';
import { Dispatcher } from '../webhooks/dispatcher';
import { seedDemo } from './demo';

export interface DemoSeed {
  teamKey: string;
  users: { userKey: string; email: string; apiKey: string; name: string }[];
  pipelineKey: string;
  /** Stage name → stage key, e.g. `stages['Closed-Won']`. */
  stages: Record<string, string>;
  /** Field name → field key, e.g. `fields['Sage sales order no']`. */
  fields: Record<string, string>;
  /** Field name → option label → option key, for dropdown and tag fields. */
  options: Record<string, Record<string, string>>;
}

let cached: DemoSeed | undefined;

export function demoSeed(): DemoSeed {
  if (cached) return cached;
  const store = new Store(Date.now, () => {});
  const faults = new FaultInjector();
  const ctx: Ctx = { store, faults, hooks: new Dispatcher(store, faults) };
  seedDemo(ctx);
  const s = store.state;
  const p = Object.values(s.pipelines)[0];
  const team = Object.values(s.teams)[0];
  if (!p || !team) throw new Error('demo seed produced no pipeline');
  cached = {
    teamKey: team.key,
    users: Object.values(s.users).map((u) => ({
      userKey: u.key,
      email: u.email,
      apiKey: u.apiKey,
      name: `${u.givenName} ${u.familyName}`,
    })),
    pipelineKey: p.key,
    stages: Object.fromEntries(p.stageOrder.map((k) => [p.stages[k]?.name ?? k, k])),
    fields: Object.fromEntries(p.fields.map((f) => [f.name, f.key])),
    options: Object.fromEntries(
      p.fields
        .filter((f) => f.dropdownSettings || f.tagSettings)
        .map((f) => [
          f.name,
          Object.fromEntries([
            ...(f.dropdownSettings?.items ?? []).map((i) => [i.name, i.key]),
            ...(f.tagSettings?.tags ?? []).map((t) => [t.tag, t.key]),
          ]),
        ]),
    ),
  };
  return cached;
}
