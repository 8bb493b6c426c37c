'use client';

import { findConnector, findTriggerDescription } from '../model/catalog';
import { useConnectionId, useEditorContext } from '../context';
import { useEditor, type StepNode } from '../store';
import { Field, inputClass } from '../../ui/field';
import { ExpressionInput } from '../../mapping/expression-input';
import { PickerSelect } from './picker-select';
import { ConnectionSelect } from './connection-select';
import { SchemaForm } from './schema-form';
import { PastedSample, SampleLoader } from './sample-loader';
import { ScheduleTriggerForm } from './schedule-trigger-form';

const STAGE_FILTER = /^trigger\.stageKey == "([^"]*)"$/;

export function TriggerForm({ node }: { node: StepNode }) {
  const { connectors } = useEditorContext();
  const updateNode = useEditor((s) => s.updateNode);
  const c = node.data.config;
  const set = (patch: Record<string, unknown>) => updateNode(node.id, { config: { ...c, ...patch } });
  const ref = String(c.connector ?? '');
  const connector = findConnector(connectors, ref);
  const key = String(c.type === 'changeFeed' ? c.feed : c.event);
  const trigger = findTriggerDescription(connectors, ref, key);
  const params = (c.params && typeof c.params === 'object' ? c.params : {}) as Record<string, unknown>;
  const connectionId = useConnectionId(c.connectionRef);
  const filter = typeof c.filter === 'string' ? c.filter : '';
  const stageKey = STAGE_FILTER.exec(filter)?.[1] ?? '';

  if (c.type === 'schedule') return <ScheduleTriggerForm node={node} />;
  if (c.type === 'manual') {
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-600">Someone starts this flow by hand with a payload. Paste a sample to preview and test it.</p>
        <PastedSample node={node} />
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <ConnectionSelect connectorRef={ref} value={String(c.connectionRef ?? '')} onChange={(name) => set({ connectionRef: name })} testId="trigger-connection" />
      <Field label="Event" help={trigger?.description}>
        {(id) => (
          <select id={id} value={key} onChange={(e) => set({ event: e.target.value, params: {} })} className={inputClass}>
            {connector?.triggers.map((t) => (
              <option key={t.key} value={t.key}>
                {t.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {trigger && <SchemaForm schema={trigger.config} ui={trigger.ui} values={params} onChange={(k, v) => set({ params: { ...params, [k]: v } })} connectionId={connectionId} testIdPrefix="trigger" />}
      {typeof params.pipelineKey === 'string' && params.pipelineKey && (
        <Field label="Only when the box is in stage" help="Sets the filter below; leave empty to run for every box.">
          {(id) => (
            <PickerSelect id={id} connectionId={connectionId} source="stages" params={{ pipelineKey: params.pipelineKey as string }} value={stageKey} onChange={(v) => set({ filter: v ? `trigger.stageKey == "${v}"` : undefined })} testId="trigger-stage" />
          )}
        </Field>
      )}
      <Field label="Filter (optional)" help="An expression; the flow runs only when it is true.">
        {(id) => <ExpressionInput id={id} value={filter} onChange={(v) => set({ filter: v || undefined })} />}
      </Field>
      <SampleLoader node={node} connectionId={connectionId} trigger={{ connector: ref, key, params: Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string')) }} />
    </div>
  );
}
