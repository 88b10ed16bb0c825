import { create } from 'zustand';
import { api, messageOf, unwrap } from '../api';
import { useIdentitiesStore } from './identitiesStore';

export const TABS = ['overview', 'identities', 'readiness', 'findings', 'sources', 'settings'] as const;
export type Tab = (typeof TABS)[number];

interface ViewState {
  tab: Tab;
  error: string | null;
  setTab(tab: Tab): void;
  /** Opens an identity's detail on the Identities view (from a finding, a top risk, a link). */
  showIdentity(id: number): Promise<void>;
  reset(): void;
}

/** Which view of the engagement is shown, and the jumps between them. */
export const useViewStore = create<ViewState>()((set) => ({
  // An engagement opens on its overview: the figures, the coverage and the top risks, each a way in.
  tab: 'overview',
  error: null,
  setTab: (tab) => set({ tab, error: null }),
  showIdentity: async (id) => {
    try {
      const row = await unwrap(api().identities_get({ id }));
      useIdentitiesStore.getState().select(row);
      set({ tab: 'identities', error: null });
    } catch (err) {
      set({ error: messageOf(err) });
    }
  },
  reset: () => set({ tab: 'overview', error: null }),
}));
