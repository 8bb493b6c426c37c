'use client';

import { FUNCTIONS, type MappingField } from '@conduit/mapping';
import { useId, type DragEvent } from 'react';
import { ExpressionInput } from './expression-input';
import { SOURCE_DRAG } from './source-tree';
import type { TargetNode } from './targets';

/** Functions that can be a transform chip: they take the value and nothing else that is required. */
const TRANSFORMS = FUNCTIONS.filter((f) => f.params.length > 0 && f.params.slice(1).every((p) => p.optional || p.rest));

export interface RowProblem {
  severity: 'error' | 'warning';
  text: string;
}

interface Props {
  target: TargetNode;
  field: MappingField | undefined;
  problems: RowProblem[];
  sourcePaths: string[];
  onChange: (f: MappingField | undefined) => void;
}

/** One target field: drop a source on it, add transform chips, or write an expression. */
export function TargetRow({ target, field, problems, sourcePaths, onChange }: Props) {
  const id = useId();
  const mapped = Boolean(field);
  const set = (patch: Partial<MappingField>) => onChange({ ...(field ?? { target: target.path }), ...patch });
  const onDrop = (e: DragEvent) => {
    const path = e.dataTransfer.getData(SOURCE_DRAG);
    if (!path) return;
    e.preventDefault();
    set({ source: path, default: undefined });
  };
  const isGroup = target.type === 'list' || (target.type === 'object' && target.depth === 0);
  if (isGroup && !field) {
    return (
      <li className="pt-2 text-xs font-semibold text-slate-700" style={{ paddingLeft: `${target.depth * 16}px` }}>
        {target.label} {target.type === 'list' && <span className="font-normal text-slate-600">(one per item of a list)</span>}
      </li>
    );
  }
  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <li
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      className={`rounded-md border p-2 ${errors.length ? 'border-red-300 bg-red-50/40' : target.required && !mapped ? 'border-amber-300 bg-amber-50/50' : 'border-slate-200 bg-white'}`}
      style={{ marginLeft: `${target.depth * 16}px` }}
      data-testid="target-row"
      data-target={target.path}
      data-mapped={mapped}
    >
      <div className="flex items-baseline gap-2">
        <span className="text-sm font-medium" id={`${id}-label`}>
          {target.label}
          {target.required && <span className="text-red-700" aria-label="required"> *</span>}
        </span>
        <span className="font-mono text-[10px] text-slate-600">{target.path}</span>
        <span className="text-[10px] text-slate-600">{target.type}</span>
        {field && (
          <button type="button" className="ml-auto text-xs text-slate-600 hover:text-red-700" onClick={() => onChange(undefined)} aria-label={`Clear mapping of ${target.label}`}>
            Clear
          </button>
        )}
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-1.5">
        <label htmlFor={`${id}-source`} className="sr-only">
          Source for {target.label}
        </label>
        <select id={`${id}-source`} value={field?.source ?? ''} onChange={(e) => set({ source: e.target.value || undefined })} className="max-w-[16rem] rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs" data-testid="target-source">
          <option value="">{mapped ? '(no source)' : 'Drop or pick a source…'}</option>
          {sourcePaths.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
          {field?.source && !sourcePaths.includes(field.source) && <option value={field.source}>{field.source}</option>}
        </select>
        {field?.source &&
          (field.transforms ?? []).map((t, i) => (
            <span key={i} className="inline-flex items-center gap-1 rounded-full bg-sky-100 px-2 py-0.5 text-xs text-sky-900" data-testid="transform-chip">
              {t.fn}
              <button type="button" aria-label={`Remove ${t.fn}`} onClick={() => set({ transforms: field.transforms!.filter((_, j) => j !== i) })}>
                ×
              </button>
            </span>
          ))}
        {field?.source && (
          <>
            <label htmlFor={`${id}-tx`} className="sr-only">
              Add a transform to {target.label}
            </label>
            <select id={`${id}-tx`} value="" onChange={(e) => e.target.value && set({ transforms: [...(field.transforms ?? []), { fn: e.target.value }] })} className="rounded border border-dashed border-slate-300 bg-white px-1 py-0.5 text-xs" data-testid="add-transform">
              <option value="">+ transform</option>
              {TRANSFORMS.map((f) => (
                <option key={f.name} value={f.name} title={f.description}>
                  {f.name}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {(field?.expression !== undefined || (mapped && !field?.source)) && (
        <div className="mt-1">
          <ExpressionInput id={`${id}-expr`} value={field?.expression ?? ''} onChange={(v) => set({ expression: v || undefined })} paths={sourcePaths} placeholder={field?.source ? 'e.g. upper($value)' : 'e.g. trigger.name + " order"'} testId="target-expression" />
        </div>
      )}
      {mapped && field?.expression === undefined && (
        <button type="button" className="mt-1 text-[11px] text-brand-700 hover:underline" onClick={() => set({ expression: field?.source ? '$value' : '' })}>
          Use an expression
        </button>
      )}
      {!mapped && (
        <button type="button" className="mt-1 ml-2 text-[11px] text-brand-700 hover:underline" onClick={() => set({ expression: '' })}>
          Write an expression
        </button>
      )}
      {problems.map((p, i) => (
        <p key={i} className={`mt-1 text-xs ${p.severity === 'error' ? 'text-red-700' : 'text-amber-800'}`} data-testid={p.severity === 'error' ? 'target-error' : 'target-warning'}>
          {p.text}
        </p>
      ))}
    </li>
  );
}
