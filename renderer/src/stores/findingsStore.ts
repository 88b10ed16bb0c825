import { create } from 'zustand';
import type { Finding } from '../../../shared/contract/dto';
import type { RuleResult } from '../../../shared/contract/findings';
import type { Severity } from '../../../shared/domain/vocabulary';
import { api, messageOf, unwrap } from '../api';

const PAGE = 200;
const SEARCH_DELAY_MS = 200;

export interface FindingFilter {
  severities: Severity[];
  ruleId: string | null;
  requirement: string | null;
  search: string;
}

interface FindingsState {
  filter: FindingFilter;
  rows: Finding[];
  total: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  results: RuleResult[];
  /** The rule outcomes have been asked for and answered (an empty list then means "not analysed"). */
  resultsLoaded: boolean;
  load(): Promise<void>;
  more(): Promise<void>;
  toggleSeverity(s: Severity): void;
  setRule(id: string | null): void;
  setRequirement(id: string | null): void;
  setSearch(text: string): void;
  /** Replaces every filter with one severity (from the overview). */
  showSeverity(s: Severity): void;
  reset(): void;
}

const INITIAL: FindingFilter = { severities: [], ruleId: null, requirement: null, search: '' };

/** The findings view: rule outcomes, and findings filtered in the engine a page at a time. */
export const useFindingsStore = create<FindingsState>()((set, get) => {
  let generation = 0;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const fetch = async (offset: number): Promise<void> => {
    const gen = ++generation;
    const f = get().filter;
    set({ status: 'loading' });
    try {
      const page = await unwrap(
        api().findings_list({
          offset,
          limit: PAGE,
          ...(f.severities.length > 0 ? { severities: f.severities } : {}),
          ...(f.ruleId ? { ruleIds: [f.ruleId] } : {}),
          ...(f.requirement ? { requirement: f.requirement } : {}),
          ...(f.search.trim() ? { search: f.search.trim() } : {}),
        }),
      );
      if (gen !== generation) return;
      set((s) => ({ rows: offset === 0 ? page.rows : [...s.rows, ...page.rows], total: page.total, status: 'ready', error: null }));
    } catch (err) {
      if (gen === generation) set({ status: 'error', error: messageOf(err) });
    }
  };
  const refilter = (patch: Partial<FindingFilter>): void => {
    set((s) => ({ filter: { ...s.filter, ...patch } }));
    void fetch(0);
  };
  return {
    filter: INITIAL,
    rows: [],
    total: null,
    status: 'idle',
    error: null,
    results: [],
    resultsLoaded: false,
    load: async () => {
      // Loading from here on: the view asks again only while the store is idle.
      set({ status: 'loading' });
      try {
        set({ results: await unwrap(api().rules_results({})), resultsLoaded: true });
      } catch (err) {
        set({ error: messageOf(err), resultsLoaded: true });
      }
      await fetch(0);
    },
    more: () => fetch(get().rows.length),
    toggleSeverity: (sev) => {
      const cur = get().filter.severities;
      refilter({ severities: cur.includes(sev) ? cur.filter((x) => x !== sev) : [...cur, sev] });
    },
    setRule: (ruleId) => refilter({ ruleId }),
    setRequirement: (requirement) => refilter({ requirement }),
    setSearch: (search) => {
      set((s) => ({ filter: { ...s.filter, search } }));
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void fetch(0), SEARCH_DELAY_MS);
    },
    showSeverity: (sev) => refilter({ ...INITIAL, severities: [sev] }),
    reset: () => {
      clearTimeout(searchTimer);
      generation++;
      set({ filter: INITIAL, rows: [], total: null, status: 'idle', error: null, results: [], resultsLoaded: false });
    },
  };
});
