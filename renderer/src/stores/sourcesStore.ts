import { create } from 'zustand';
import type { ImportedFile } from '../../../shared/contract/dto';
import type { JobDone, JobFailed, JobProgress } from '../../../shared/contract/events';
import type { AnalysisChanges } from '../../../shared/contract/settings';
import type { ImportKind } from '../../../shared/domain/importKinds';
import { api, messageOf, unwrap } from '../api';
import { refreshEngagementData } from './engagementData';
import { followJob } from '../../../shared/contract/jobFollower';

/** A file being recorded as another kind: the re-analysis that follows, then what it changed. */
export interface KindChange {
  fileId: number;
  name: string;
  kind: ImportKind;
  state: 'running' | 'done' | 'failed';
  progress: JobProgress | null;
  changes: AnalysisChanges | null;
  error: string | null;
}

interface SourcesState {
  /** Files recorded in the engagement, with their provenance (hash, kind, encoding, counts, date range). */
  files: ImportedFile[];
  loaded: boolean;
  error: string | null;
  change: KindChange | null;
  load(): Promise<void>;
  /** Records an imported file as the other kind its columns allow, and re-analyses. */
  changeKind(file: ImportedFile, kind: ImportKind): Promise<void>;
  reset(): void;
  onProgress(p: JobProgress): void;
  onDone(d: JobDone): void;
  onFailed(f: JobFailed): void;
}

export const useSourcesStore = create<SourcesState>()((set, get) => {
  const patchChange = (p: Partial<KindChange>): void => set((s) => (s.change ? { change: { ...s.change, ...p } } : {}));
  const job = followJob({
    progress: (p) => patchChange({ progress: p }),
    done: (d) => {
      if (d.result.kind !== 'analysis') return;
      patchChange({ state: 'done', changes: d.result.changes, progress: null });
      void refreshEngagementData();
    },
    failed: (f) => patchChange({ state: 'failed', error: f.error.message, progress: null }),
  });
  return {
    files: [],
    loaded: false,
    error: null,
    change: null,
    load: async () => {
      try {
        set({ files: await unwrap(api().import_files({})), loaded: true, error: null });
      } catch (err) {
        set({ error: messageOf(err), loaded: true });
      }
    },
    changeKind: async (file, kind) => {
      if (get().change?.state === 'running') return;
      set({ change: { fileId: file.id, name: file.name, kind, state: 'running', progress: null, changes: null, error: null } });
      job.starting();
      try {
        job.started((await unwrap(api().import_changeKind({ fileId: file.id, kind }))).jobId);
      } catch (err) {
        job.notStarted();
        patchChange({ state: 'failed', error: messageOf(err) });
      }
    },
    reset: () => {
      job.forget();
      set({ files: [], loaded: false, error: null, change: null });
    },
    onProgress: job.onProgress,
    onDone: job.onDone,
    onFailed: job.onFailed,
  };
});
