import { create } from 'zustand';

/** Which panels and dialogs of the editor are open. */
interface UiState {
  mappingNodeId: string | null;
  panel: 'inspector' | 'history' | 'test';
  saveOpen: boolean;
  set(patch: Partial<Omit<UiState, 'set'>>): void;
}

export const useEditorUi = create<UiState>()((set) => ({ mappingNodeId: null, panel: 'inspector', saveOpen: false, set: (patch) => set(patch) }));
