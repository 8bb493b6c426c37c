'use client';

import { Background, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState, type DragEvent } from 'react';
import type { PaletteItem } from './model/palette';
import { DRAG_TYPE } from './palette';
import { StepNodeMemo } from './step-node';
import { useEditor } from './store';

const NODE_TYPES = { step: StepNodeMemo };

export function Canvas({ items, readOnly }: { items: PaletteItem[]; readOnly: boolean }) {
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const onNodesChange = useEditor((s) => s.onNodesChange);
  const onEdgesChange = useEditor((s) => s.onEdgesChange);
  const onConnect = useEditor((s) => s.onConnect);
  const addNode = useEditor((s) => s.addNode);
  const { screenToFlowPosition } = useReactFlow();
  // Fit a flow that has steps when it opens; an empty canvas keeps zoom 1 so dropped steps stay put.
  const [fitOnOpen] = useState(() => useEditor.getState().nodes.length > 0);

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      const item = items.find((i) => i.id === e.dataTransfer.getData(DRAG_TYPE));
      if (!item || readOnly) return;
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addNode({ kind: item.kind, label: item.title, config: structuredClone(item.config), position: { x: p.x - 110, y: p.y - 20 } });
    },
    [items, readOnly, addNode, screenToFlowPosition],
  );

  return (
    <div className="min-h-0 flex-1" onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={readOnly ? undefined : onConnect}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        selectionOnDrag={false}
        onlyRenderVisibleElements
        fitView={fitOnOpen}
        fitViewOptions={{ maxZoom: 1.1 }}
        minZoom={0.1}
        defaultEdgeOptions={{ type: 'smoothstep' }}
        aria-label="Flow canvas"
      >
        <Background gap={20} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls />
      </ReactFlow>
    </div>
  );
}
