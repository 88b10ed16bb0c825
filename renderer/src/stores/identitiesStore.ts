import { create } from 'zustand';
import type { IDENTITY_SORT_KEYS, IdentityRow } from '../../../shared/contract/dto';
import type { Review } from '../../../shared/domain/review';
import type { IdentityClass, Verdict } from '../../../shared/domain/vocabulary';
import { api, messageOf, unwrap } from '../api';

export type SortKey = (typeof IDENTITY_SORT_KEYS)[number];
export const PAGE_SIZE = 200;
const SEARCH_DELAY_MS = 200;

export interface IdentityQueryState {
  classes: IdentityClass[];
  verdicts: Verdict[];
  search: string;
  sort: SortKey;
  descending: boolean;
}

interface IdentitiesState {
  query: IdentityQueryState;
  /** Rows matching the query, once the first page has arrived. */
  total: number | null;
  /** Loaded pages by index: the table asks only for what scrolls into view. */
  pages: Record<number, IdentityRow[]>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  selected: IdentityRow | null;
  setSearch(text: string): void;
  toggleClass(cls: IdentityClass): void;
  clearClasses(): void;
  toggleVerdict(v: Verdict): void;
  /** Replaces the filters (from the overview: "the 6 identities that will break"). */
  showOnly(filter: { classes?: IdentityClass[]; verdicts?: Verdict[] }): void;
  sortBy(key: SortKey): void;
  ensureRange(first: number, last: number): void;
  reload(options?: { clearSelection?: boolean }): Promise<void>;
  select(row: IdentityRow | null): void;
  /** Sets (or with null clears) a reviewer's class; the row comes back judged again. */
  override(id: number, cls: IdentityClass | null, reason: string): Promise<void>;
  /** Records the review decision (owner, decision, due date, status, notes); all empty removes it. */
  review(id: number, review: Review): Promise<void>;
  reset(): void;
}

const INITIAL_QUERY: IdentityQueryState = { classes: [], verdicts: [], search: '', sort: 'displayName', descending: false };

/** Sorting by numbers or dates starts with the largest; text starts at A. */
const DESCENDING_FIRST: ReadonlySet<SortKey> = new Set(['signIns', 'lastSeen', 'confidence']);

export const useIdentitiesStore = create<IdentitiesState>()((set, get) => {
  let generation = 0;
  /** The generation `pages` belongs to: old rows stay on screen until the new query's first page arrives. */
  let pagesGeneration = 0;
  let inFlight = new Set<number>();
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  const fetchPage = async (gen: number, index: number): Promise<void> => {
    inFlight.add(index);
    const q = get().query;
    try {
      const page = await unwrap(
        api().identities_list({
          offset: index * PAGE_SIZE,
          limit: PAGE_SIZE,
          ...(q.classes.length > 0 ? { classes: q.classes } : {}),
          ...(q.verdicts.length > 0 ? { verdicts: q.verdicts } : {}),
          ...(q.search.trim() !== '' ? { search: q.search.trim() } : {}),
          sort: q.sort,
          descending: q.descending,
        }),
      );
      if (gen !== generation) return;
      const base = pagesGeneration === gen ? get().pages : {};
      pagesGeneration = gen;
      set({ total: page.total, pages: { ...base, [index]: page.rows }, status: 'ready', error: null });
    } catch (err) {
      if (gen === generation) set({ status: 'error', error: messageOf(err) });
    } finally {
      if (gen === generation) inFlight.delete(index);
    }
  };

  const requery = (change: Partial<IdentityQueryState>): void => {
    set((s) => ({ query: { ...s.query, ...change } }));
    void get().reload();
  };

  return {
    query: INITIAL_QUERY,
    total: null,
    pages: {},
    status: 'idle',
    error: null,
    selected: null,

    setSearch: (text) => {
      set((s) => ({ query: { ...s.query, search: text } }));
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void get().reload(), SEARCH_DELAY_MS);
    },

    toggleClass: (cls) => {
      const current = get().query.classes;
      requery({ classes: current.includes(cls) ? current.filter((c) => c !== cls) : [...current, cls] });
    },

    clearClasses: () => requery({ classes: [] }),

    toggleVerdict: (v) => {
      const current = get().query.verdicts;
      requery({ verdicts: current.includes(v) ? current.filter((x) => x !== v) : [...current, v] });
    },

    showOnly: (filter) => requery({ classes: filter.classes ?? [], verdicts: filter.verdicts ?? [], search: '' }),

    sortBy: (key) => {
      const q = get().query;
      requery(q.sort === key ? { descending: !q.descending } : { sort: key, descending: DESCENDING_FIRST.has(key) });
    },

    ensureRange: (first, last) => {
      const { total, pages } = get();
      if (total == null || total === 0 || pagesGeneration !== generation) return;
      const from = Math.max(0, Math.floor(first / PAGE_SIZE));
      const to = Math.min(Math.floor((total - 1) / PAGE_SIZE), Math.floor(Math.max(first, last) / PAGE_SIZE));
      for (let i = from; i <= to; i++) {
        if (!pages[i] && !inFlight.has(i)) void fetchPage(generation, i);
      }
    },

    reload: async (options) => {
      clearTimeout(searchTimer);
      generation += 1;
      inFlight = new Set();
      set(options?.clearSelection ? { status: 'loading', selected: null } : { status: 'loading' });
      await fetchPage(generation, 0);
    },

    select: (row) => set({ selected: row }),

    override: async (id, cls, reason) => {
      const row = await unwrap(api().identities_setOverride({ id, class: cls, reason }));
      set({ selected: row });
      await get().reload();
    },

    review: async (id, review) => {
      const row = await unwrap(api().identities_setReview({ id, review }));
      set({ selected: row });
      await get().reload();
    },

    reset: () => {
      clearTimeout(searchTimer);
      generation += 1;
      pagesGeneration = generation;
      inFlight = new Set();
      set({ query: INITIAL_QUERY, total: null, pages: {}, status: 'idle', error: null, selected: null });
    },
  };
});

/** The row at a position in the current result, if its page is loaded. */
export function rowAt(pages: Record<number, IdentityRow[]>, index: number): IdentityRow | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}
