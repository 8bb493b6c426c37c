'use client';

// Forms generated from a connector's JSON Schema plus its UI hints: one control per top-level property,
// pickers where the hint names a picker source, advanced fields folded away.
import type { FieldHint, UiHints } from '@conduit/connector-kit';
import { Field, inputClass } from '../../ui/field';
import { PickerSelect } from './picker-select';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; enum?: unknown[]; type?: unknown; title?: string; description?: string; anyOf?: Schema[] };

export interface SchemaFormProps {
  schema: Record<string, unknown>;
  ui: UiHints;
  values: Record<string, unknown>;
  onChange: (key: string, value: unknown) => void;
  connectionId: string | undefined;
  /** Properties filled some other way (the field mapping) and not shown here. */
  skip?: (key: string) => boolean;
  testIdPrefix: string;
}

const kindOf = (s: Schema): string => {
  if (s.enum) return 'enum';
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (typeof t === 'string') return t;
  return s.anyOf?.map(kindOf).find((k) => k !== 'null') ?? 'unknown';
};

export function SchemaForm({ schema, ui, values, onChange, connectionId, skip, testIdPrefix }: SchemaFormProps) {
  const props = (schema as Schema).properties ?? {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const keys = [...(ui.order ?? []), ...Object.keys(props).filter((k) => !ui.order?.includes(k))].filter((k) => props[k] && !skip?.(k));
  const render = (key: string) => {
    const s = props[key]!;
    const hint: FieldHint = ui.fields?.[key] ?? {};
    const kind = kindOf(s);
    if (kind === 'object' || kind === 'array') return null;
    const label = `${hint.label ?? s.title ?? key}${required.has(key) ? '' : ' (optional)'}`;
    const value = values[key];
    const params = Object.fromEntries((hint.picker?.dependsOn ?? []).flatMap((d) => (typeof values[d] === 'string' ? [[d, values[d] as string]] : [])));
    const missingDeps = (hint.picker?.dependsOn ?? []).filter((d) => !params[d]);
    return (
      <Field key={key} label={label} help={hint.help ?? s.description}>
        {(id) =>
          hint.picker && missingDeps.length === 0 ? (
            <PickerSelect id={id} connectionId={connectionId} source={hint.picker.source} params={params} value={typeof value === 'string' ? value : ''} onChange={(v) => onChange(key, v || undefined)} testId={`${testIdPrefix}-${key}`} />
          ) : kind === 'enum' ? (
            <select id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(key, e.target.value || undefined)} className={inputClass} data-testid={`${testIdPrefix}-${key}`}>
              <option value="">— choose —</option>
              {s.enum!.map((o) => (
                <option key={String(o)} value={String(o)}>
                  {String(o)}
                </option>
              ))}
            </select>
          ) : kind === 'boolean' ? (
            <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(key, e.target.checked)} data-testid={`${testIdPrefix}-${key}`} />
          ) : kind === 'number' || kind === 'integer' ? (
            <input id={id} type="number" value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(key, e.target.value === '' ? undefined : Number(e.target.value))} className={inputClass} data-testid={`${testIdPrefix}-${key}`} />
          ) : hint.widget === 'textarea' ? (
            <textarea id={id} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(key, e.target.value || undefined)} className={inputClass} rows={3} data-testid={`${testIdPrefix}-${key}`} />
          ) : (
            <input id={id} value={typeof value === 'string' ? value : ''} placeholder={hint.picker ? `Pick ${missingDeps.join(', ')} first, or type a value` : hint.placeholder} onChange={(e) => onChange(key, e.target.value || undefined)} className={inputClass} data-testid={`${testIdPrefix}-${key}`} />
          )
        }
      </Field>
    );
  };
  const basic = keys.filter((k) => !ui.fields?.[k]?.advanced);
  const advanced = keys.filter((k) => ui.fields?.[k]?.advanced);
  return (
    <div className="space-y-3">
      {basic.map(render)}
      {advanced.length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs font-medium text-slate-600">More options</summary>
          <div className="mt-2 space-y-3">{advanced.map(render)}</div>
        </details>
      )}
    </div>
  );
}
