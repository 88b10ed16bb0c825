import { create } from 'zustand';
import type { JobDone, JobFailed, JobProgress } from '../../../shared/contract/events';
import type { AnalysisChanges, EngagementSettings } from '../../../shared/contract/settings';
import { api, messageOf, unwrap } from '../api';
import { refreshEngagementData } from './engagementData';
import { followJob } from '../../../shared/contract/jobFollower';

interface SettingsState {
  defaults: EngagementSettings | null;
  draft: EngagementSettings | null;
  status: 'idle' | 'loading' | 'ready' | 'running' | 'error';
  error: string | null;
  progress: JobProgress | null;
  changes: AnalysisChanges | null;
  load(): Promise<void>;
  edit(change: (s: EngagementSettings) => EngagementSettings): void;
  resetToDefaults(): void;
  apply(): Promise<void>;
  reset(): void;
  onProgress(p: JobProgress): void;
  onDone(d: JobDone): void;
  onFailed(f: JobFailed): void;
}

/** The engagement's thresholds and name patterns, edited as a draft and applied with a re-analysis. */
export const useSettingsStore = create<SettingsState>()((set, get) => {
  const job = followJob({
    progress: (p) => set({ progress: p }),
    done: (d) => {
      if (d.result.kind !== 'analysis') return;
      set({ status: 'ready', changes: d.result.changes, progress: null });
      void refreshEngagementData();
    },
    failed: (f) => set({ status: 'ready', error: f.error.message, progress: null }),
  });
  return {
    defaults: null,
    draft: null,
    status: 'idle',
    error: null,
    progress: null,
    changes: null,
    load: async () => {
      set({ status: 'loading' });
      try {
        const s = await unwrap(api().settings_get({}));
        set({ draft: s.current, defaults: s.defaults, status: 'ready', error: null });
      } catch (err) {
        set({ status: 'error', error: messageOf(err) });
      }
    },
    edit: (change) => set((s) => (s.draft ? { draft: change(s.draft) } : {})),
    resetToDefaults: () => set((s) => ({ draft: s.defaults })),
    apply: async () => {
      const typed = get().draft;
      if (!typed || get().status === 'running') return;
      const draft = withoutBlankPatterns(typed);
      set({ draft, status: 'running', error: null, progress: null, changes: null });
      job.starting();
      try {
        job.started((await unwrap(api().settings_update(draft))).jobId);
      } catch (err) {
        job.notStarted();
        set({ status: 'ready', error: messageOf(err) });
      }
    },
    reset: () => {
      job.forget();
      set({ defaults: null, draft: null, status: 'idle', error: null, progress: null, changes: null });
    },
    onProgress: job.onProgress,
    onDone: job.onDone,
    onFailed: job.onFailed,
  };
});

/** The name patterns as applied: trimmed, blank lines dropped (an empty pattern would match every name). */
function withoutBlankPatterns(s: EngagementSettings): EngagementSettings {
  const clean = (lines: readonly string[]): string[] => lines.map((l) => l.trim()).filter((l) => l !== '');
  const c = s.classification;
  return {
    ...s,
    classification: {
      ...c,
      serviceAccountNamePatterns: clean(c.serviceAccountNamePatterns),
      breakGlassNamePatterns: clean(c.breakGlassNamePatterns),
      syncAccountNamePatterns: clean(c.syncAccountNamePatterns),
    },
  };
}
