'use client';

import type { ConnectorDescription } from '@conduit/connector-kit';
import type { FunctionInfo } from '@conduit/mapping';
import { createContext, useContext } from 'react';

export interface EditorContextValue {
  flowId: string;
  connectors: ConnectorDescription[];
  functions: readonly FunctionInfo[];
  /** The environment whose connections feed pickers, samples and test runs (dev unless chosen). */
  environmentKey: string;
  connections: Array<{ id: string; name: string; kind: string }>;
  canBuild: boolean;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditorContext(): EditorContextValue {
  const v = useContext(EditorContext);
  if (!v) throw new Error('useEditorContext outside the flow editor');
  return v;
}

/** The stored connection a step refers to by name, in the editor's environment. */
export function useConnectionId(connectionRef: unknown): string | undefined {
  const { connections } = useEditorContext();
  return connections.find((c) => c.name === connectionRef)?.id;
}
