'use client';

import { isReadAction, requiredOf } from '@conduit/flow';
import { findActionDescription, findConnector } from '../model/catalog';
import { useConnectionId, useEditorContext } from '../context';
import { useEditor, type StepNode } from '../store';
import { useEditorUi } from '../ui-store';
import { Button } from '../../ui/button';
import { Field, inputClass } from '../../ui/field';
import { ConnectionSelect } from './connection-select';
import { SchemaForm } from './schema-form';
import { constantsOf, isConstant, setConstant, specOf, withSpec } from './mapping-fields';

/** Lookup and write steps: connection, action, constant inputs (generated form), and the field mapping. */
export function ActionForm({ node }: { node: StepNode }) {
  const { connectors } = useEditorContext();
  const updateNode = useEditor((s) => s.updateNode);
  const openMapping = useEditorUi((s) => s.set);
  const c = node.data.config;
  const ref = String(c.connector ?? '');
  const connector = findConnector(connectors, ref);
  const action = findActionDescription(connectors, ref, String(c.action ?? ''));
  const connectionId = useConnectionId(c.connectionRef);
  const spec = specOf(node.data.kind, c);
  const set = (patch: Record<string, unknown>) => updateNode(node.id, { config: { ...c, ...patch } });
  const mappedTargets = new Set(spec.fields.filter((f) => !isConstant(f)).map((f) => f.target.split(/[.[]/)[0]!));
  const missing = action ? requiredOf(action.input).filter((r) => !spec.fields.some((f) => f.target === r || f.target.startsWith(`${r}.`) || f.target.startsWith(`${r}[]`))) : [];
  const kindOk = (key: string) => (node.data.kind === 'lookup') === isReadAction(key);

  return (
    <div className="space-y-3">
      <ConnectionSelect connectorRef={ref} value={String(c.connectionRef ?? '')} onChange={(name) => set({ connectionRef: name })} testId="inspector-connection" help="Connections are set up per environment under Connections; steps refer to them by name." />
      <Field label="Action" help={action?.description}>
        {(id) => (
          <select id={id} value={String(c.action ?? '')} onChange={(e) => set({ action: e.target.value, inputs: { fields: [] } })} className={inputClass} data-testid="inspector-action">
            <option value="">— choose —</option>
            {connector?.actions.filter((a) => kindOk(a.key)).map((a) => (
              <option key={a.key} value={a.key}>
                {a.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {action && (
        <>
          <SchemaForm
            schema={action.input}
            ui={action.ui}
            values={constantsOf(spec)}
            onChange={(key, v) => set(withSpec(node.data.kind, c, setConstant(spec, key, v)))}
            connectionId={connectionId}
            skip={(k) => mappedTargets.has(k)}
            testIdPrefix="input"
          />
          <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
            <div className="text-xs text-slate-700">
              {spec.fields.filter((f) => !isConstant(f)).length} field(s) mapped from earlier data.
              {missing.length > 0 && <span className="block text-red-700" data-testid="inspector-unmapped">Still to map: {missing.join(', ')}</span>}
            </div>
            <Button size="sm" variant="primary" className="mt-2" onClick={() => openMapping({ mappingNodeId: node.id })} data-testid="open-mapping">
              Edit field mapping
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
