'use client';

import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { MappingEditor } from '../mapping/mapping-editor';
import { Dialog } from '../ui/dialog';
import { ToastProvider } from '../ui/toast';
import { Canvas } from './canvas';
import { EditorContext, type EditorContextValue } from './context';
import { HistoryPanel } from './history-panel';
import { Inspector } from './inspector/inspector';
import type { Draft } from './model/draft';
import { paletteItems, type PaletteItem } from './model/palette';
import { Palette } from './palette';
import { ProblemsList } from './problems-list';
import { SaveVersionDialog } from './save-version-dialog';
import { useEditor } from './store';
import { TestRunPanel } from './test-run-panel';
import { Toolbar } from './toolbar';
import { useEditorUi } from './ui-store';
import { useAutosave } from './use-autosave';
import { useShortcuts } from './use-shortcuts';
import { useValidation } from './validation';

export interface FlowEditorProps extends Omit<EditorContextValue, 'flowId'> {
  flow: { id: string; name: string; draft: Draft };
}

function MappingDialog() {
  const nodeId = useEditorUi((s) => s.mappingNodeId);
  const setUi = useEditorUi((s) => s.set);
  const node = useEditor((s) => (nodeId ? s.nodes.find((n) => n.id === nodeId) : undefined));
  return (
    <Dialog open={Boolean(node)} onClose={() => setUi({ mappingNodeId: null })} title={node ? `Field mapping: ${node.data.label}` : 'Field mapping'} wide testId="mapping-dialog">
      {node && <MappingEditor node={node} />}
    </Dialog>
  );
}

function Workspace({ flow, canBuild, items }: { flow: FlowEditorProps['flow']; canBuild: boolean; items: PaletteItem[] }) {
  const status = useAutosave(flow.id, canBuild);
  const panel = useEditorUi((s) => s.panel);
  const addNode = useEditor((s) => s.addNode);
  const { screenToFlowPosition } = useReactFlow();
  useShortcuts(canBuild);

  // Keyboard and click adds go below the selected step, or in the middle of the view.
  const addFromPalette = (item: PaletteItem) => {
    const sel = useEditor.getState().nodes.find((n) => n.selected);
    const el = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const position = sel ? { x: sel.position.x, y: sel.position.y + 140 } : el ? screenToFlowPosition({ x: el.left + el.width / 2 - 110, y: el.top + el.height / 3 }) : { x: 0, y: 0 };
    addNode({ kind: item.kind, label: item.title, config: structuredClone(item.config), position });
  };

  return (
    <div className="flex h-screen flex-col">
      <Toolbar name={flow.name} status={status} canBuild={canBuild} />
      <div className="flex min-h-0 flex-1">
        {canBuild && <Palette items={items} onAdd={addFromPalette} />}
        <div className="flex min-w-0 flex-1 flex-col">
          <Canvas items={items} readOnly={!canBuild} />
          <ProblemsList />
        </div>
        <aside aria-label={panel === 'inspector' ? 'Step settings' : panel === 'test' ? 'Test run' : 'Version history'} className="w-96 shrink-0 overflow-y-auto border-l border-slate-200 bg-white">
          {/* Viewers see every setting but cannot change one. */}
          <fieldset disabled={!canBuild} className="contents">
            {panel === 'inspector' && <Inspector />}
          </fieldset>
          {panel === 'test' && <TestRunPanel />}
          {panel === 'history' && <HistoryPanel flowId={flow.id} />}
        </aside>
      </div>
      <MappingDialog />
      <SaveVersionDialog flowId={flow.id} />
    </div>
  );
}

export function FlowEditor({ flow, ...ctx }: FlowEditorProps) {
  const [loaded, setLoaded] = useState<string | null>(null);
  // Load once per flow: a server re-render hands in a new draft object for the same flow, and the
  // editor's state (ahead of the last autosave) must win over it.
  const initial = useRef(flow.draft);
  initial.current = loaded === flow.id ? initial.current : flow.draft;
  useEffect(() => {
    useEditor.getState().load(initial.current);
    useEditorUi.getState().set({ mappingNodeId: null, panel: 'inspector', saveOpen: false });
    setLoaded(flow.id);
  }, [flow.id]);
  useValidation(ctx.connectors);
  const items = useMemo(() => paletteItems(ctx.connectors), [ctx.connectors]);
  const value = useMemo(() => ({ ...ctx, flowId: flow.id }), [ctx, flow.id]);
  return (
    <EditorContext.Provider value={value}>
      <ToastProvider>
        <ReactFlowProvider>{loaded === flow.id && <Workspace flow={flow} canBuild={ctx.canBuild} items={items} />}</ReactFlowProvider>
      </ToastProvider>
    </EditorContext.Provider>
  );
}
