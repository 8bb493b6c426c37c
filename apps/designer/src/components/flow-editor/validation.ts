// Live validation: @conduit/flow's validateFlow on the current draft, re-run shortly after each logical
// change (never on drag frames), with messages reworded for people who do not read zod paths.
import type { ConnectorDescription } from '@conduit/connector-kit';
import { catalogFromDescriptions, validateFlow, type Problem } from '@conduit/flow';
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { graphOf } from './model/draft';
import { useEditor } from './store';

export interface ShownProblem extends Problem {
  text: string;
}

interface ProblemsState {
  list: ShownProblem[];
  byNode: Record<string, { errors: number; warnings: number }>;
}

export const useProblems = create<ProblemsState>()(() => ({ list: [], byNode: {} }));

const humanField = (field: string) =>
  field
    .replace(/^config\./, '')
    .replace(/inputs\.fields\.\d+\./, 'mapping ')
    .replace(/\./g, ' › ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

export function reword(p: Problem): string {
  if (p.field && /received undefined|expected string, received|Invalid option/i.test(p.message)) return `${humanField(p.field)} is not set yet`;
  if (p.field && /Too small/i.test(p.message) && /cases|to|approvers/.test(p.field)) return `${humanField(p.field)} needs at least one entry`;
  return p.message;
}

export function useValidation(connectors: readonly ConnectorDescription[]): void {
  const rev = useEditor((s) => s.rev);
  const catalog = useMemo(() => catalogFromDescriptions(connectors), [connectors]);
  useEffect(() => {
    const timer = setTimeout(() => {
      const problems = validateFlow(graphOf(useEditor.getState().draft()), catalog);
      const byNode: ProblemsState['byNode'] = {};
      for (const p of problems) {
        if (!p.nodeId) continue;
        const b = (byNode[p.nodeId] ??= { errors: 0, warnings: 0 });
        if (p.severity === 'error') b.errors++;
        else b.warnings++;
      }
      useProblems.setState({ list: problems.map((p) => ({ ...p, text: reword(p) })), byNode });
    }, 150);
    return () => clearTimeout(timer);
  }, [rev, catalog]);
}
