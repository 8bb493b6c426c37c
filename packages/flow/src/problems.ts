/** One thing wrong with a flow, located as precisely as possible for the designer to highlight. */
export interface Problem {
  nodeId?: string;
  edgeId?: string;
  /** Path inside the node (or edge), e.g. `config.inputs.fields.2.expression`. */
  field?: string;
  severity: 'error' | 'warning';
  message: string;
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
