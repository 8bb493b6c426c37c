'use client';

import { FUNCTIONS, parseExpression } from '@conduit/mapping';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { inputClass } from '../ui/field';

const WORD = /[A-Za-z0-9_$.[\]]*$/;

/** A one-line expression field with autocomplete (functions and data paths) and the parse error inline. */
export function ExpressionInput({ id, value, onChange, paths = [], placeholder, testId }: { id: string; value: string; onChange: (v: string) => void; paths?: string[]; placeholder?: string; testId?: string }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [cursor, setCursor] = useState(0);
  const ref = useRef<HTMLInputElement>(null);
  const word = WORD.exec(value.slice(0, cursor))?.[0] ?? '';
  const options = useMemo(() => {
    if (!word) return [];
    const w = word.toLowerCase();
    const fns = FUNCTIONS.filter((f) => f.name.toLowerCase().startsWith(w)).map((f) => ({ insert: `${f.name}(`, label: f.signature, detail: f.description }));
    const ps = paths.filter((p) => p.toLowerCase().startsWith(w) && p !== word).map((p) => ({ insert: p, label: p, detail: '' }));
    return [...ps, ...fns].slice(0, 8);
  }, [word, paths]);
  const parsed = value.trim() ? parseExpression(value) : undefined;
  const error = parsed && !parsed.ok ? `${parsed.error.message} (character ${parsed.error.offset + 1})` : undefined;
  const listId = `${id}-options`;

  const accept = (insert: string) => {
    const before = value.slice(0, cursor - word.length);
    const next = before + insert + value.slice(cursor);
    onChange(next);
    setOpen(false);
    requestAnimationFrame(() => {
      const pos = before.length + insert.length;
      ref.current?.setSelectionRange(pos, pos);
      setCursor(pos);
    });
  };
  const onKey = (e: KeyboardEvent) => {
    if (!open || options.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(options[active]!.insert);
    } else if (e.key === 'Escape') setOpen(false);
  };

  return (
    <div className="relative">
      <input
        ref={ref}
        id={id}
        value={value}
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={Boolean(error)}
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => {
          onChange(e.target.value);
          setCursor(e.target.selectionStart ?? e.target.value.length);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        className={`${inputClass} font-mono text-xs ${error ? 'border-red-400' : ''}`}
        data-testid={testId}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" className="absolute z-20 mt-1 max-h-56 w-full overflow-auto rounded-md border border-slate-200 bg-white text-xs shadow-lg">
          {options.map((o, i) => (
            <li key={o.insert} role="option" aria-selected={i === active} onMouseDown={(e) => (e.preventDefault(), accept(o.insert))} className={`cursor-pointer px-2 py-1 ${i === active ? 'bg-brand-50' : ''}`}>
              <div className="font-mono">{o.label}</div>
              {o.detail && <div className="text-slate-600">{o.detail}</div>}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="mt-0.5 text-xs text-red-700" role="alert" data-testid="expression-error">
          {error}
        </p>
      )}
    </div>
  );
}
