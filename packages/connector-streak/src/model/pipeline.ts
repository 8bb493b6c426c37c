// A pipeline as the actions need it: stages by key or name, and its box fields.
import { PermanentError } from '@conduit/connector-kit';
import type { WirePipeline, WireStage } from '../api/wire';
import { FieldSet } from './fields';

export class Pipeline {
  readonly key: string;
  readonly name: string;
  readonly teamKey?: string;
  readonly stages: WireStage[];
  readonly fields: FieldSet;

  constructor(wire: WirePipeline) {
    this.key = wire.key;
    this.name = wire.name;
    this.teamKey = wire.teamKey;
    const order = wire.stageOrder ?? Object.keys(wire.stages ?? {});
    this.stages = order.map((k) => wire.stages?.[k]).filter((s): s is WireStage => s !== undefined);
    this.fields = new FieldSet({ type: 'pipeline', key: wire.key, name: wire.name }, wire.fields ?? []);
  }

  /** A stage by key ("5001") or name ("Lead", case-insensitive). */
  stage(ref: string): WireStage {
    const hit = this.stages.find((s) => s.key === ref) ?? this.stages.find((s) => s.name.toLowerCase() === ref.trim().toLowerCase());
    if (hit) return hit;
    throw new PermanentError('not_found', {
      connector: 'Streak',
      subject: { type: 'pipeline', key: this.key, name: this.name, field: 'stage' },
      message: `Streak: pipeline "${this.name}" (${this.key}) has no stage "${ref}"; its stages are ${this.stages.map((s) => `"${s.name}" (${s.key})`).join(', ')}`,
    });
  }

  stageName(key: string | undefined): string | null {
    return this.stages.find((s) => s.key === key)?.name ?? null;
  }
}
