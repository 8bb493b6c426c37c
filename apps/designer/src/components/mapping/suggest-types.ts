// The contract between the mapping editor and whatever proposes mappings (the built-in heuristic, or
// an LLM a deployment plugs in on the server). Suggestions are proposals: the user accepts each one.

export interface SourceField {
  /** Mapping source path: `trigger.fields.1005`, `steps.lines.lines[].itemCode`. */
  path: string;
  /** What people call it: the Streak field name, or the last path segment. */
  label: string;
  /** Display type: string, number, boolean, date, list, object, any. */
  type: string;
  sample?: unknown;
}

export interface TargetField {
  /** Mapping target path: `CustomerNo`, `Lines[].ItemCode`. */
  path: string;
  label: string;
  type: string;
  required: boolean;
  description?: string;
}

export interface SuggestionRequest {
  sources: SourceField[];
  targets: TargetField[];
  /** Targets already mapped; nothing is proposed for them. */
  mapped: string[];
}

export interface Suggestion {
  target: string;
  source: string;
  transforms?: Array<{ fn: string; args?: unknown[] }>;
  expression?: string;
  /** 0..1 */
  confidence: number;
  reason: string;
}

export interface SuggestionProvider {
  readonly id: string;
  suggest(request: SuggestionRequest): Promise<Suggestion[]>;
}
