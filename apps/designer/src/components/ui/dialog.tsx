'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

/** A modal on the native <dialog>: focus is trapped and Escape closes it, with no extra library. */
export function Dialog({ open, onClose, title, children, wide = false, testId }: { open: boolean; onClose: () => void; title: string; children: ReactNode; wide?: boolean; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid={testId}
      className={`m-auto max-h-[92vh] rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40 ${wide ? 'w-[min(1280px,96vw)]' : 'w-[min(520px,94vw)]'}`}
    >
      {open && (
        <div className="flex max-h-[92vh] flex-col">
          <header className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100" aria-label="Close">
              ×
            </button>
          </header>
          <div className="min-h-0 flex-1 overflow-auto p-5">{children}</div>
        </div>
      )}
    </dialog>
  );
}
