import { useId, type ReactNode } from 'react';

export const inputClass = 'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm disabled:bg-slate-50';

/** A labelled form row; `children` receives the id to put on the control so the label is tied to it. */
export function Field({ label, help, error, children }: { label: string; help?: ReactNode; error?: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children(id)}
      {help && <p className="text-xs text-slate-500">{help}</p>}
      {error && (
        <p className="text-xs text-red-700" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
