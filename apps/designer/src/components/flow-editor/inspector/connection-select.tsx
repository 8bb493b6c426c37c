'use client';

import { useEditorContext } from '../context';
import { Field, inputClass } from '../../ui/field';

/** Picks the stored connection (by name) a step of connector `connectorRef` (`streak@1`) uses. */
export function ConnectionSelect(props: { connectorRef: string; value: string; onChange: (name: string | undefined) => void; testId: string; help?: string }) {
  const { connections } = useEditorContext();
  return (
    <Field label="Connection" {...(props.help ? { help: props.help } : {})}>
      {(id) => (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value || undefined)} className={inputClass} data-testid={props.testId}>
          <option value="">— choose —</option>
          {connections
            .filter((x) => `${x.kind}@1` === props.connectorRef)
            .map((x) => (
              <option key={x.id} value={x.name}>
                {x.name}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}
