'use client';

import { compileMapping, evaluate, MappingCompileError, type MappingSpec } from '@conduit/mapping';
import { useMemo } from 'react';
import { JsonView } from '../flow-editor/inspector/json-view';
import type { SampleScope } from './scope';

/** The mapping's result on the pinned sample, re-evaluated as the user edits. */
export function MappingPreview({ spec, scope, hasSample }: { spec: MappingSpec; scope: SampleScope; hasSample: boolean }) {
  const result = useMemo(() => {
    try {
      return { ok: true as const, ...evaluate(compileMapping(spec), scope, { now: Date.now() }) };
    } catch (e) {
      return { ok: false as const, message: e instanceof MappingCompileError ? `Fix the mapping to see a preview: ${e.problems[0]?.message ?? ''}` : String(e) };
    }
  }, [spec, scope]);
  return (
    <section aria-label="Preview" className="space-y-1" data-testid="mapping-preview">
      <h3 className="text-xs font-semibold text-slate-700">Preview on the sample</h3>
      {!hasSample && <p className="text-xs text-amber-800">Pin a sample on the trigger to preview real data.</p>}
      {result.ok ? (
        <>
          <JsonView value={result.value} maxHeight="18rem" testId="mapping-preview-json" />
          {result.errors.map((e) => (
            <p key={e.field} className="text-xs text-red-700" data-testid="preview-error">
              {e.field}: {e.message}
            </p>
          ))}
        </>
      ) : (
        <p className="text-xs text-slate-600">{result.message}</p>
      )}
    </section>
  );
}
