// JSON shapes for pipelines, stages and field definitions (§4.3–4.5).
import type { Store } from '../store/store';
import type { FieldDef, PipelineRec, StageRec } from '../store/types';
import { sharingEntry } from './users';

/** Box counts per stage, recomputed once per state change. */
export function stageCounts(store: Store): Map<string, number> {
  return store.memo('stageCounts', () => {
    const counts = new Map<string, number>();
    for (const b of Object.values(store.state.boxes)) {
      const id = `${b.pipelineKey}/${b.stageKey}`;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      counts.set(b.pipelineKey, (counts.get(b.pipelineKey) ?? 0) + 1);
    }
    return counts;
  });
}

export function stageView(store: Store, p: PipelineRec, s: StageRec) {
  return { ...s, boxCount: stageCounts(store).get(`${p.key}/${s.key}`) ?? 0 };
}

/** v1 stage reads return just `{key, name}`. */
export const stageViewV1 = (s: StageRec) => ({ key: s.key, name: s.name });

export function fieldView(f: FieldDef) {
  return { ...f, aiSettings: { prompt: '', source: 'BOX_TIMELINE' } };
}

export function stagesMap<T>(p: PipelineRec, view: (s: StageRec) => T): Record<string, T> {
  return Object.fromEntries(p.stageOrder.map((k) => [k, view(p.stages[k] as StageRec)]));
}

export function pipelineView(store: Store, p: PipelineRec) {
  const team = store.state.teams[p.teamKey];
  const acl = (team?.members ?? []).map((m) => ({
    ...sharingEntry(store, m.userKey),
    permissionSetName: 'EDITOR',
    isReadOnly: false,
    isOwner: m.userKey === p.creatorKey,
    userType: 'HUMAN',
  }));
  const boxCount = stageCounts(store).get(p.key) ?? 0;
  return {
    key: p.key,
    pipelineKey: p.key,
    name: p.name,
    description: p.description,
    icon: p.icon,
    creatorKey: p.creatorKey,
    teamKey: p.teamKey,
    teamWide: true,
    creationTimestamp: p.creationTimestamp,
    lastUpdatedTimestamp: p.lastUpdatedTimestamp,
    lastSavedTimestamp: p.lastUpdatedTimestamp,
    stageOrder: [...p.stageOrder],
    stages: stagesMap(p, (s) => stageView(store, p, s)),
    fields: p.fields.map(fieldView),
    aclEntries: acl,
    stageColorTheme: p.stageColorTheme,
    boxCount,
    boxCountHint: boxCount,
    customPermissionSets: {},
    defaultPermissionSetName: 'EDITOR',
    creationSourceType: 'HUMAN',
    sharingRestrictedToTeam: false,
  };
}
