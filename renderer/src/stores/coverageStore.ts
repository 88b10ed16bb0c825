import { create } from 'zustand';
import type { Coverage } from '../../../shared/contract/coverage';
import { api, messageOf, unwrap } from '../api';

interface CoverageState {
  /** Which evidence the engagement holds and what is missing. */
  coverage: Coverage | null;
  error: string | null;
  load(): Promise<void>;
  reset(): void;
}

export const useCoverageStore = create<CoverageState>()((set) => ({
  coverage: null,
  error: null,
  load: async () => {
    try {
      set({ coverage: await unwrap(api().coverage_get({})), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },
  reset: () => set({ coverage: null, error: null }),
}));
