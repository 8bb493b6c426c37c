// Pipeline, stage and field-definition rules shared by the v1 and v2 routes and the seed.
// Every function validates first and mutates last.
import { badRequest } from '../http/errors';
import type { PipelineRec, FieldDef, FieldType, StageRec } from '../store/types';
import { FIELD_TYPES } from '../store/types';
import { stageView } from '../views/pipelines';
import type { Ctx } from './ctx';

const PALETTE: [string, string][] = [
  ['#ffffff', '#5c6bc0'],
  ['#ffffff', '#42a5f5'],
  ['#ffffff', '#26a69a'],
  ['#ffffff', '#ffa726'],
  ['#ffffff', '#66bb6a'],
  ['#ffffff', '#ef5350'],
  ['#ffffff', '#ab47bc'],
  ['#ffffff', '#8d6e63'],
];

/** Streak always keeps at least one stage; a pipeline created without stages gets these. */
export const DEFAULT_STAGES = ['Lead', 'Contacted', 'Pitched', 'Closed'];

export interface FieldInput {
  name: string;
  type: FieldType;
  defaultValue?: string;
  options?: string[];
}

export function parseFieldType(type: unknown): FieldType {
  if (typeof type === 'string' && (FIELD_TYPES as string[]).includes(type)) return type as FieldType;
  throw badRequest(`Invalid field type: ${String(type)}`);
}

function assertUniqueStageNames(names: string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const k = n.trim().toLowerCase();
    if (!k) throw badRequest('stage name cannot be empty');
    if (seen.has(k)) throw badRequest('stage name already exists');
    seen.add(k);
  }
}

function newStage(p: PipelineRec, name: string, color?: StageRec['color']): StageRec {
  const [fg, bg] = PALETTE[p.stageOrder.length % PALETTE.length] as [string, string];
  const stage: StageRec = {
    key: String(p.next.stage++),
    name: name.trim(),
    color: color ?? { foregroundColor: fg, backgroundColor: bg },
    isColorFromTheme: !color,
  };
  p.stages[stage.key] = stage;
  p.stageOrder.push(stage.key);
  return stage;
}

function newField(p: PipelineRec, input: FieldInput, now: number): FieldDef {
  const f: FieldDef = {
    key: String(p.next.field++),
    name: input.name.trim(),
    type: input.type,
    lastUpdatedTimestamp: now,
  };
  if (input.defaultValue !== undefined) f.defaultValue = input.defaultValue;
  if (input.type === 'DROPDOWN')
    f.dropdownSettings = {
      items: (input.options ?? []).map((name) => ({ key: String(p.next.option++), name })),
    };
  if (input.type === 'TAG')
    f.tagSettings = { tags: (input.options ?? []).map((tag) => ({ key: String(p.next.option++), tag })) };
  p.fields.push(f);
  return f;
}

export function createPipeline(
  ctx: Ctx,
  input: {
    name: string;
    teamKey: string;
    creatorKey: string;
    description?: string;
    icon?: string;
    stages: string[];
    fields: FieldInput[];
  },
): PipelineRec {
  const { store } = ctx;
  if (!input.name.trim()) throw badRequest('Insufficient params for Pipeline');
  store.find('teams', input.teamKey);
  const stageNames = input.stages.length > 0 ? input.stages : DEFAULT_STAGES;
  assertUniqueStageNames(stageNames);
  for (const f of input.fields) if (!f.name.trim()) throw badRequest('field name cannot be empty');
  const now = store.now();
  const p: PipelineRec = {
    key: store.newKey('pipelines'),
    name: input.name.trim(),
    description: input.description ?? '',
    icon: input.icon ?? 'default',
    creatorKey: input.creatorKey,
    teamKey: input.teamKey,
    creationTimestamp: now,
    lastUpdatedTimestamp: now,
    stageOrder: [],
    stages: {},
    fields: [],
    stageColorTheme: 'DEFAULT',
    next: { stage: 5001, field: 1001, option: 9001 },
  };
  for (const s of stageNames) newStage(p, s);
  for (const f of input.fields) newField(p, f, now);
  store.state.pipelines[p.key] = p;
  store.changed();
  return p;
}

export function addStage(ctx: Ctx, p: PipelineRec, name: string, color?: StageRec['color']): StageRec {
  assertUniqueStageNames([...p.stageOrder.map((k) => p.stages[k]?.name ?? ''), name]);
  const stage = newStage(p, name, color);
  p.lastUpdatedTimestamp = ctx.store.now();
  ctx.store.changed();
  ctx.hooks.emit('STAGE_CREATE', { pipelineKey: p.key }, [stageView(ctx.store, p, stage)]);
  return stage;
}

export function renameStage(
  ctx: Ctx,
  p: PipelineRec,
  s: StageRec,
  patch: { name?: string; color?: StageRec['color'] | null },
): void {
  if (patch.name !== undefined) {
    assertUniqueStageNames([
      ...p.stageOrder.filter((k) => k !== s.key).map((k) => p.stages[k]?.name ?? ''),
      patch.name,
    ]);
    s.name = patch.name.trim();
  }
  if (patch.color === null) {
    const [fg, bg] = PALETTE[p.stageOrder.indexOf(s.key) % PALETTE.length] as [string, string];
    Object.assign(s, { color: { foregroundColor: fg, backgroundColor: bg }, isColorFromTheme: true });
  } else if (patch.color) Object.assign(s, { color: patch.color, isColorFromTheme: false });
  p.lastUpdatedTimestamp = ctx.store.now();
  ctx.store.changed();
}

export function deleteStage(ctx: Ctx, p: PipelineRec, s: StageRec): void {
  if (Object.values(ctx.store.state.boxes).some((b) => b.pipelineKey === p.key && b.stageKey === s.key)) {
    throw badRequest('Failed to delete: stage still contains boxes');
  }
  if (p.stageOrder.length === 1)
    throw badRequest('Failed to delete: a pipeline must keep at least one stage');
  delete p.stages[s.key];
  p.stageOrder = p.stageOrder.filter((k) => k !== s.key);
  p.lastUpdatedTimestamp = ctx.store.now();
  ctx.store.changed();
}

export function addField(ctx: Ctx, p: PipelineRec, input: FieldInput): FieldDef {
  if (!input.name.trim()) throw badRequest('field name cannot be empty');
  const f = newField(p, input, ctx.store.now());
  p.lastUpdatedTimestamp = ctx.store.now();
  ctx.store.changed();
  return f;
}

export function findStage(p: PipelineRec, key: string | undefined): StageRec {
  const s = key === undefined ? undefined : p.stages[key];
  if (!s) throw badRequest(`Stage ${key ?? ''} does not exist in pipeline ${p.name}`);
  return s;
}
