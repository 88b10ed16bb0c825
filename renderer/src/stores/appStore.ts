import { create } from 'zustand';
import { api, hasApi, messageOf } from '../api';
import { useEngagementStore } from './engagementStore';
import { useExportStore } from './exportStore';
import { useImportStore } from './importStore';

export type AppState = 'loading' | 'ready' | 'unavailable';

interface AppStoreState {
  state: AppState;
  message: string | null;
  /** Subscribes to engine events and picks up the open engagement; returns the unsubscribe. */
  connect(): () => void;
}

export const useAppStore = create<AppStoreState>()((set) => ({
  state: 'loading',
  message: null,
  connect: () => {
    if (!hasApi()) {
      set({ state: 'unavailable', message: 'The application bridge is not available. Start nhi-audit from its desktop shell.' });
      return () => undefined;
    }
    const jobs = useImportStore.getState();
    const exports = useExportStore.getState();
    const offs = [
      api().on('job:progress', (p) => jobs.onProgress(p)),
      api().on('job:done', (d) => jobs.onDone(d)),
      api().on('job:failed', (f) => jobs.onFailed(f)),
      api().on('job:progress', (p) => exports.onProgress(p)),
      api().on('job:done', (d) => exports.onDone(d)),
      api().on('job:failed', (f) => exports.onFailed(f)),
    ];
    useEngagementStore
      .getState()
      .restore()
      .then(
        () => set({ state: 'ready', message: null }),
        (err: unknown) => set({ state: 'unavailable', message: `The engine did not answer: ${messageOf(err)}` }),
      );
    return () => {
      for (const off of offs) off();
    };
  },
}));
