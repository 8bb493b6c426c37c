'use client';

import type { MappingField, MappingSpec } from '@conduit/mapping';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTRPC } from '../../lib/trpc';
import { useConnectionId, useEditorContext } from '../flow-editor/context';
import { specOf, withSpec } from '../flow-editor/inspector/mapping-fields';
import { findActionDescription, findTriggerDescription } from '../flow-editor/model/catalog';
import { useEditor, type StepNode } from '../flow-editor/store';
import { useProblems } from '../flow-editor/validation';
import { Button } from '../ui/button';
import { MappingPreview } from './preview';
import { ancestorsOf, sampleScope } from './scope';
import { SourceTree, SOURCE_DRAG } from './source-tree';
import { buildSources, type UpstreamStep } from './sources';
import { Suggestions } from './suggestions';
import { buildTargets, type TargetNode } from './targets';
import { TargetRow, type RowProblem } from './target-row';

/** The current draft; `_rev` is the store revision the caller memoises on. */
const draftAt = (_rev: number) => useEditor.getState().draft();

const NO_CONNECTION = '00000000-0000-4000-8000-000000000000';

function useDiscovered(connectionRef: unknown, params: Record<string, string>) {
  const trpc = useTRPC();
  const connectionId = useConnectionId(connectionRef);
  const q = useQuery({ ...trpc.catalog.discover.queryOptions({ connectionId: connectionId ?? NO_CONNECTION, params }), enabled: Boolean(connectionId), staleTime: 300_000, retry: false });
  return useMemo(() => q.data?.entities.flatMap((e) => e.fields) ?? [], [q.data]);
}

/** The field-mapping editor of a map, lookup or write step. */
export function MappingEditor({ node }: { node: StepNode }) {
  const { connectors } = useEditorContext();
  const rev = useEditor((s) => s.rev);
  const testRun = useEditor((s) => s.testRun);
  const updateNode = useEditor((s) => s.updateNode);
  const problems = useProblems((s) => s.list);
  const [newTarget, setNewTarget] = useState('');

  // The draft changes exactly when rev does; drag frames do not rebuild the source tree.
  const draft = useMemo(() => draftAt(rev), [rev]);
  const trigger = draft.nodes.find((n) => n.kind === 'trigger');
  const triggerParams = (trigger?.config.params ?? {}) as Record<string, string>;
  const triggerDiscovered = useDiscovered(trigger?.config.connectionRef, triggerParams.pipelineKey ? { pipelineKey: triggerParams.pipelineKey } : {});
  const c = node.data.config;
  const action = findActionDescription(connectors, String(c.connector ?? ''), String(c.action ?? ''));
  const targetDiscovered = useDiscovered(action ? c.connectionRef : undefined, {});
  const spec = specOf(node.data.kind, c);
  const setSpec = (next: MappingSpec) => updateNode(node.id, { config: withSpec(node.data.kind, c, next) });

  const runOutputs = useMemo(() => Object.fromEntries(Object.entries(testRun).map(([id, s]) => [id, s.output])), [testRun]);
  const scope = useMemo(() => sampleScope({ draft, nodeId: node.id, runOutputs, now: Date.now() }), [draft, node.id, runOutputs]);
  const sources = useMemo(() => {
    const triggerDesc = trigger ? findTriggerDescription(connectors, String(trigger.config.connector ?? ''), String(trigger.config.event ?? trigger.config.feed ?? '')) : undefined;
    const upstream: UpstreamStep[] = ancestorsOf(draft, node.id).flatMap((id) => {
      const n = draft.nodes.find((x) => x.id === id);
      if (!n || n.kind === 'trigger') return [];
      const a = findActionDescription(connectors, String(n.config.connector ?? ''), String(n.config.action ?? ''));
      return [{ id, label: n.label, ...(a ? { outputSchema: a.output } : {}), ...(n.kind === 'map' ? { targets: specOf('map', n.config).fields.map((f) => f.target) } : {}) }];
    });
    return buildSources({ triggerLabel: trigger?.label ?? 'Trigger', ...(triggerDesc ? { triggerSchema: triggerDesc.output } : {}), discovered: triggerDiscovered, upstream, scope });
  }, [draft, node.id, trigger, connectors, triggerDiscovered, scope]);
  const sourcePaths = useMemo(() => sources.map((s) => s.path), [sources]);

  const targets: TargetNode[] = useMemo(() => {
    if (action) return buildTargets(action.input, targetDiscovered);
    return spec.fields.map((f) => ({ path: f.target, label: f.target, type: 'any', required: false, depth: 0 }));
  }, [action, targetDiscovered, spec.fields]);
  const extra = spec.fields.filter((f) => !targets.some((t) => t.path === f.target)).map((f): TargetNode => ({ path: f.target, label: f.target, type: 'any', required: false, depth: 0 }));

  const specField = node.data.kind === 'map' ? 'config.mapping' : 'config.inputs';
  const rowProblems = (target: string): RowProblem[] => {
    const i = spec.fields.findIndex((f) => f.target === target);
    if (i < 0) return [];
    return problems.filter((p) => p.nodeId === node.id && p.field?.startsWith(`${specField}.fields.${i}.`)).map((p) => ({ severity: p.severity, text: p.text }));
  };
  const setField = (target: string, f: MappingField | undefined) => {
    const rest = spec.fields.filter((x) => x.target !== target);
    setSpec({ fields: f ? [...rest, f] : rest });
  };
  const unmapped = targets.filter((t) => t.required && !spec.fields.some((f) => f.target === t.path || f.target.startsWith(`${t.path}.`) || f.target.startsWith(`${t.path}[]`)));
  const addTarget = (name: string, source?: string) => {
    const target = name.trim();
    if (!target || spec.fields.some((f) => f.target === target)) return;
    setSpec({ fields: [...spec.fields, source ? { target, source } : { target, expression: '' }] });
    setNewTarget('');
  };

  return (
    <div className="grid h-[72vh] grid-cols-[20rem_1fr_22rem] gap-4" data-testid="mapping-editor">
      <SourceTree sources={sources} />
      <section aria-label="Target fields" className="flex min-h-0 flex-col">
        <h3 className="mb-1 text-xs font-semibold text-slate-700">{action ? `${action.title}: fields to fill` : 'Output fields'}</h3>
        {unmapped.length > 0 ? (
          <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="mapping-unmapped">
            Required and not mapped yet: {unmapped.map((t) => t.label).join(', ')}
          </p>
        ) : (
          action && <p className="mb-2 rounded bg-emerald-50 px-2 py-1 text-xs text-emerald-900" data-testid="mapping-complete">Every required field is mapped.</p>
        )}
        <ul className="min-h-0 flex-1 space-y-1.5 overflow-auto pr-1">
          {[...targets, ...extra].map((t) => (
            <TargetRow key={t.path} target={t} field={spec.fields.find((f) => f.target === t.path)} problems={rowProblems(t.path)} sourcePaths={sourcePaths} onChange={(f) => setField(t.path, f)} />
          ))}
        </ul>
        {!action && (
          <div
            className="mt-2 flex gap-2 rounded-md border border-dashed border-slate-300 p-2"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              const path = e.dataTransfer.getData(SOURCE_DRAG);
              if (path) addTarget(newTarget || path.split('.').at(-1)!.replace('[]', ''), path);
            }}
            data-testid="mapping-new-target"
          >
            <label htmlFor="new-target" className="sr-only">
              New output field name
            </label>
            <input id="new-target" value={newTarget} onChange={(e) => setNewTarget(e.target.value)} placeholder="New field name, or drop a source here" className="flex-1 rounded border border-slate-300 px-2 py-1 text-xs" data-testid="new-target-name" />
            <Button size="sm" onClick={() => addTarget(newTarget)} disabled={!newTarget.trim()}>
              Add field
            </Button>
          </div>
        )}
      </section>
      <div className="flex min-h-0 flex-col gap-4 overflow-auto">
        <MappingPreview spec={spec} scope={scope} hasSample={scope.trigger !== undefined} />
        {action && (
          <Suggestions
            request={() => ({ sources: sources.filter((s) => s.depth > 0).map(({ path, label, type, sample }) => ({ path, label, type, ...(sample === undefined ? {} : { sample }) })), targets: targets.map(({ path, label, type, required }) => ({ path, label, type, required })), mapped: spec.fields.map((f) => f.target) })}
            onAccept={(s) => setField(s.target, { target: s.target, source: s.source, ...(s.transforms ? { transforms: s.transforms } : {}), ...(s.expression ? { expression: s.expression } : {}) })}
          />
        )}
      </div>
    </div>
  );
}
