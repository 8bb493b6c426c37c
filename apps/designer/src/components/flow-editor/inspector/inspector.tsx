'use client';

import { Button } from '../../ui/button';
import { Field, inputClass } from '../../ui/field';
import { KIND_STYLE } from '../step-node';
import { useMemo } from 'react';
import { useEditor, type StepNode } from '../store';
import { useEditorUi } from '../ui-store';
import { useProblems } from '../validation';
import { ActionForm } from './action-form';
import { JsonView } from './json-view';
import { LogicForm } from './logic-forms';
import { TriggerForm } from './trigger-form';

/** Settings of the selected step, its problems, and what it did in the last test run. */
export function Inspector() {
  const selectedId = useEditor((s) => {
    const picked = s.nodes.filter((n) => n.selected);
    return picked.length === 1 ? picked[0]!.id : undefined;
  });
  // Data, not the node: dragging changes the node's position on every frame but never its data.
  const data = useEditor((s) => (selectedId ? s.nodes.find((n) => n.id === selectedId)?.data : undefined));
  const selected = useMemo(() => (selectedId && data ? ({ id: selectedId, type: 'step', position: { x: 0, y: 0 }, data } satisfies StepNode) : undefined), [selectedId, data]);
  const count = useEditor((s) => s.nodes.filter((n) => n.selected).length);
  const updateNode = useEditor((s) => s.updateNode);
  const problems = useProblems((s) => s.list);
  const run = useEditor((s) => (selected ? s.testRun[selected.id] : undefined));
  const openMapping = useEditorUi((s) => s.set);
  if (!selected) {
    return <p className="p-4 text-sm text-slate-600">{count > 1 ? `${count} steps selected. Copy (Ctrl+C), delete (Delete) or move them together.` : 'Select a step to edit its settings, or drag one from the palette.'}</p>;
  }
  const d = selected.data;
  const mine = problems.filter((p) => p.nodeId === selected.id);
  return (
    <div className="space-y-4 p-4" data-testid="inspector">
      <div className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase">{KIND_STYLE[d.kind]?.name ?? d.kind} · {selected.id}</div>
      <Field label="Step name">{(id) => <input id={id} value={d.label} onChange={(e) => updateNode(selected.id, { label: e.target.value })} className={inputClass} data-testid="inspector-label" />}</Field>
      {d.kind === 'trigger' && <TriggerForm node={selected} />}
      {(d.kind === 'lookup' || d.kind === 'write') && <ActionForm node={selected} />}
      {d.kind === 'map' && (
        <Button variant="primary" size="sm" onClick={() => openMapping({ mappingNodeId: selected.id })} data-testid="open-mapping">
          Edit field mapping
        </Button>
      )}
      <LogicForm node={selected} />
      {mine.length > 0 && (
        <ul className="space-y-1 rounded-md border border-red-200 bg-red-50 p-2 text-xs" aria-label="Problems of this step" data-testid="inspector-problems">
          {mine.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'text-red-800' : 'text-amber-800'}>
              {p.text}
            </li>
          ))}
        </ul>
      )}
      {run && (
        <section className="space-y-1" aria-label="Last test run" data-testid="inspector-run">
          <h3 className="text-xs font-semibold text-slate-700">Last test run: {run.state}</h3>
          {run.note && <p className="text-xs text-slate-600">{run.note}</p>}
          {run.input !== undefined && (
            <>
              <div className="text-[11px] text-slate-600">Input</div>
              <JsonView value={run.input} maxHeight="10rem" />
            </>
          )}
          {run.output !== undefined && (
            <>
              <div className="text-[11px] text-slate-600">Output</div>
              <JsonView value={run.output} maxHeight="10rem" testId="inspector-run-output" />
            </>
          )}
        </section>
      )}
    </div>
  );
}
