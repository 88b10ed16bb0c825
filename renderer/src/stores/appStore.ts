import { create } from 'zustand';
import { api, hasApi, messageOf } from '../api';
import { useEngagementStore } from './engagementStore';
import { useExportStore } from './exportStore';
import { useImportStore } from './importStore';
import { useSettingsStore } from './settingsStore';
import { useSourcesStore } from './sourcesStore';
import { runMenuCommand } from './menuCommands';

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
      api().on('job:fileDone', (e) => jobs.onFileDone(e)),
      api().on('job:progress', (p) => useSourcesStore.getState().onProgress(p)),
      api().on('job:done', (d) => useSourcesStore.getState().onDone(d)),
      api().on('job:failed', (f) => useSourcesStore.getState().onFailed(f)),
      api().on('job:progress', (p) => exports.onProgress(p)),
      api().on('job:done', (d) => exports.onDone(d)),
      api().on('job:failed', (f) => exports.onFailed(f)),
      api().on('job:progress', (p) => useSettingsStore.getState().onProgress(p)),
      api().on('job:done', (d) => useSettingsStore.getState().onDone(d)),
      api().on('job:failed', (f) => useSettingsStore.getState().onFailed(f)),
      api().on('menu:command', (c) => runMenuCommand(c)),
    ];
    // Subscribed before restore() asks engagement:current: Electron main takes that call as the sign
    // that the page listens, and only then sends the menu commands it held (a file opened at launch).
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
