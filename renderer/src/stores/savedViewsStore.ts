import { create } from 'zustand';
import type { IdentityColumn, SavedView } from '../../../shared/contract/views';
import { api, messageOf, unwrap } from '../api';
import { useIdentitiesStore, type IdentityQueryState } from './identitiesStore';

interface SavedViewsState {
  views: SavedView[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  /** Saves the table as it is now (filters, sort, columns) under a name; the same name replaces. */
  save(name: string): Promise<boolean>;
  remove(name: string): Promise<void>;
  /** Shows a saved view; with null, the table as it first opens. */
  apply(view: SavedView | null): void;
  reset(): void;
}

/** The engagement's saved views of the identities table; they live in the engagement file. */
export const useSavedViewsStore = create<SavedViewsState>()((set) => {
  const run = async (pending: Promise<SavedView[]>): Promise<boolean> => {
    try {
      set({ views: await pending, status: 'ready', error: null });
      return true;
    } catch (err) {
      set({ status: 'error', error: messageOf(err) });
      return false;
    }
  };

  return {
    views: [],
    status: 'idle',
    error: null,

    load: async () => {
      set({ status: 'loading' });
      await run(unwrap(api().views_list({})));
    },

    save: async (name) => {
      const { query, columns } = useIdentitiesStore.getState();
      const { classes, verdicts, severities, sources, search, sort, descending } = query;
      return run(unwrap(api().views_save({ name, query: { classes, verdicts, severities, sources, search: search.trim(), sort, descending }, columns })));
    },

    remove: async (name) => {
      await run(unwrap(api().views_delete({ name })));
    },

    apply: (view) => {
      useIdentitiesStore.getState().applyView(view);
      set({ error: null });
    },

    reset: () => set({ views: [], status: 'idle', error: null }),
  };
});

/** The saved view the table shows right now, if any: same filters, sort and columns. */
export function matchingView(views: readonly SavedView[], query: IdentityQueryState, columns: readonly IdentityColumn[]): SavedView | undefined {
  const same = <T,>(a: readonly T[] | undefined, b: readonly T[]): boolean => {
    const x = a ?? [];
    return x.length === b.length && x.every((v) => b.includes(v));
  };
  return views.find(
    (v) =>
      same(v.query.classes, query.classes) &&
      same(v.query.verdicts, query.verdicts) &&
      same(v.query.severities, query.severities) &&
      same(v.query.sources, query.sources) &&
      (v.query.search ?? '').trim() === query.search.trim() &&
      v.query.sort === query.sort &&
      v.query.descending === query.descending &&
      same(v.columns, columns),
  );
}
