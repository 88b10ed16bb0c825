import { create } from 'zustand';
import type { ImportedFile } from '../../../shared/contract/dto';
import { api, messageOf, unwrap } from '../api';

interface SourcesState {
  /** Files recorded in the engagement, with their provenance (hash, kind, encoding, counts, date range). */
  files: ImportedFile[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  reset(): void;
}

export const useSourcesStore = create<SourcesState>()((set) => ({
  files: [],
  loaded: false,
  error: null,
  load: async () => {
    try {
      set({ files: await unwrap(api().import_files({})), loaded: true, error: null });
    } catch (err) {
      set({ error: messageOf(err), loaded: true });
    }
  },
  reset: () => set({ files: [], loaded: false, error: null }),
}));
