/** Read-only pretty JSON, scrollable; used for samples, previews and test-run input/output. */
export function JsonView({ value, maxHeight = '16rem', testId }: { value: unknown; maxHeight?: string; testId?: string }) {
  return (
    <pre className="overflow-auto rounded bg-slate-900 p-2 font-mono text-[11px] leading-snug text-slate-100" style={{ maxHeight }} data-testid={testId} tabIndex={0}>
      {JSON.stringify(value, null, 2) ?? 'undefined'}
    </pre>
  );
}
