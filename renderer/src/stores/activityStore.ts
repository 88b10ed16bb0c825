import { useEffect } from 'react';
import { create } from 'zustand';
import type { IdentityActivity } from '../../../shared/contract/activity';
import type { IdentityRow } from '../../../shared/contract/dto';
import { api, messageOf, unwrap } from '../api';

export type ActivityStatus = 'loading' | 'ready' | 'error';

export interface ActivityView {
  status: ActivityStatus;
  /** While the same identity reloads (after an override or a review), its previous data stays on screen. */
  data: IdentityActivity | null;
  error: string | null;
}

interface ActivityState extends ActivityView {
  /** The row the state belongs to: another identity, or the same one judged again, is a new object and reloads. */
  row: IdentityRow | null;
  load(row: IdentityRow): void;
}

/** One request per selected identity, shared by the timeline, the sources and the access sections. */
export const useActivityStore = create<ActivityState>()((set, get) => ({
  row: null,
  status: 'loading',
  data: null,
  error: null,
  load: (row) => {
    const previous = get();
    if (previous.row === row) return;
    set({ row, status: 'loading', data: previous.row?.id === row.id ? previous.data : null, error: null });
    unwrap(api().identities_activity({ id: row.id })).then(
      (data) => {
        if (get().row === row) set({ status: 'ready', data });
      },
      (err: unknown) => {
        if (get().row === row) set({ status: 'error', error: messageOf(err) });
      },
    );
  },
}));

/** The activity of the identity shown; sections call it each, the store asks the engine once. */
export function useIdentityActivity(row: IdentityRow): ActivityView {
  const load = useActivityStore((s) => s.load);
  useEffect(() => load(row), [load, row]);
  const current = useActivityStore((s) => s.row === row);
  const status = useActivityStore((s) => s.status);
  const data = useActivityStore((s) => s.data);
  const error = useActivityStore((s) => s.error);
  // Before the effect has run for a newly selected row, the store still describes the previous one.
  if (!current) return { status: 'loading', data: data?.id === row.id ? data : null, error: null };
  return { status, data, error };
}
