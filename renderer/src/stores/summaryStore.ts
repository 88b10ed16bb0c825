import { create } from 'zustand';
import type { Summary } from '../../../shared/contract/dto';
import { api, messageOf, unwrap } from '../api';

interface SummaryState {
  summary: Summary | null;
  error: string | null;
  load(): Promise<void>;
  reset(): void;
}

/** Counts for the engagement: identities by class, sign-ins by category, files, evidence window. */
export const useSummaryStore = create<SummaryState>()((set) => ({
  summary: null,
  error: null,
  load: async () => {
    try {
      set({ summary: await unwrap(api().summary_get({})), error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },
  reset: () => set({ summary: null, error: null }),
}));
