import { create } from 'zustand';
import type { IDENTITY_SORT_KEYS, IdentityRow, IdentitySource } from '../../../shared/contract/dto';
import { DEFAULT_IDENTITY_COLUMNS, IDENTITY_COLUMNS, type IdentityColumn, type SavedView } from '../../../shared/contract/views';
import type { Review } from '../../../shared/domain/review';
import type { IdentityClass, Severity, Verdict } from '../../../shared/domain/vocabulary';
import { api, messageOf, unwrap } from '../api';

export type SortKey = (typeof IDENTITY_SORT_KEYS)[number];
export const PAGE_SIZE = 200;
const SEARCH_DELAY_MS = 200;

export interface IdentityQueryState {
  classes: IdentityClass[];
  verdicts: Verdict[];
  severities: Severity[];
  sources: IdentitySource[];
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
  /** The optional columns shown, in the table's own order (the display name always is). */
  columns: IdentityColumn[];
  setSearch(text: string): void;
  toggleClass(cls: IdentityClass): void;
  clearClasses(): void;
  toggleVerdict(v: Verdict): void;
  toggleSeverity(severity: Severity): void;
  /** One source, or every identity with null. */
  setSource(source: IdentitySource | null): void;
  /** Clears the search and every filter; the sort and the columns stay. */
  clearFilters(): void;
  toggleColumn(column: IdentityColumn): void;
  /** Shows a saved view: its filters, sort and columns; with null, the table as it first opens. */
  applyView(view: Pick<SavedView, 'query' | 'columns'> | null): void;
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

const INITIAL_QUERY: IdentityQueryState = {
  classes: [],
  verdicts: [],
  severities: [],
  sources: [],
  search: '',
  sort: 'displayName',
  descending: false,
};

/** The filters in effect, as the engine takes them: an empty list is no filter, so it is left out. */
export function filtersOf(q: IdentityQueryState) {
  return {
    ...(q.classes.length > 0 ? { classes: q.classes } : {}),
    ...(q.verdicts.length > 0 ? { verdicts: q.verdicts } : {}),
    ...(q.severities.length > 0 ? { severities: q.severities } : {}),
    ...(q.sources.length > 0 ? { sources: q.sources } : {}),
    ...(q.search.trim() !== '' ? { search: q.search.trim() } : {}),
  };
}

export function hasFilters(q: IdentityQueryState): boolean {
  return Object.keys(filtersOf(q)).length > 0;
}

const toggled = <T,>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);

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
          ...filtersOf(q),
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

  /**
   * The rows on screen, and a pump that fetches their pages at most two at a time. A fast scroll
   * through 100,000 rows passes hundreds of pages; fetching each one as it flashes by queued them all
   * in the engine (34 s before the last rows showed), so only what is visible when a fetch finishes
   * is fetched next.
   */
  let wanted: { first: number; last: number } | null = null;
  const MAX_IN_FLIGHT = 2;
  const pump = (): void => {
    const { total, pages } = get();
    if (!wanted || total == null || total === 0 || pagesGeneration !== generation) return;
    const from = Math.max(0, Math.floor(wanted.first / PAGE_SIZE));
    const to = Math.min(Math.floor((total - 1) / PAGE_SIZE), Math.floor(Math.max(wanted.first, wanted.last) / PAGE_SIZE));
    for (let i = from; i <= to && inFlight.size < MAX_IN_FLIGHT; i++) {
      if (!pages[i] && !inFlight.has(i)) void fetchPage(generation, i).then(pump);
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
    columns: [...DEFAULT_IDENTITY_COLUMNS],

    setSearch: (text) => {
      set((s) => ({ query: { ...s.query, search: text } }));
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => void get().reload(), SEARCH_DELAY_MS);
    },

    toggleClass: (cls) => requery({ classes: toggled(get().query.classes, cls) }),

    clearClasses: () => requery({ classes: [] }),

    toggleVerdict: (v) => requery({ verdicts: toggled(get().query.verdicts, v) }),

    toggleSeverity: (severity) => requery({ severities: toggled(get().query.severities, severity) }),

    setSource: (source) => requery({ sources: source ? [source] : [] }),

    clearFilters: () => requery({ classes: [], verdicts: [], severities: [], sources: [], search: '' }),

    // Kept in the table's order whatever order they were ticked in, so a saved view compares equal.
    toggleColumn: (column) => {
      const chosen = toggled(get().columns, column);
      set({ columns: IDENTITY_COLUMNS.filter((c) => chosen.includes(c)) });
    },

    applyView: (view) => {
      const q = view?.query;
      set({ columns: view ? IDENTITY_COLUMNS.filter((c) => view.columns.includes(c)) : [...DEFAULT_IDENTITY_COLUMNS] });
      requery({
        classes: q?.classes ?? [],
        verdicts: q?.verdicts ?? [],
        severities: q?.severities ?? [],
        sources: q?.sources ?? [],
        search: q?.search ?? '',
        sort: q?.sort ?? INITIAL_QUERY.sort,
        descending: q?.descending ?? INITIAL_QUERY.descending,
      });
    },

    showOnly: (filter) => requery({ classes: filter.classes ?? [], verdicts: filter.verdicts ?? [], severities: [], sources: [], search: '' }),

    sortBy: (key) => {
      const q = get().query;
      requery(q.sort === key ? { descending: !q.descending } : { sort: key, descending: DESCENDING_FIRST.has(key) });
    },

    ensureRange: (first, last) => {
      wanted = { first, last };
      pump();
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
