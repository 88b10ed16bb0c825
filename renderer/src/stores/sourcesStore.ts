import { create } from 'zustand';
import type { ImportedFile } from '../../../shared/contract/dto';
import type { JobDone, JobFailed, JobProgress } from '../../../shared/contract/events';
import type { AnalysisChanges } from '../../../shared/contract/settings';
import type { ImportKind } from '../../../shared/domain/importKinds';
import { api, messageOf, unwrap } from '../api';
import { refreshEngagementData } from './engagementData';

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
  let jobId: string | null = null;
  // A job's end can arrive before the call that started it returns its id.
  const early = new Map<string, () => void>();
  const patchChange = (p: Partial<KindChange>): void => set((s) => (s.change ? { change: { ...s.change, ...p } } : {}));
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
      jobId = null;
      set({ change: { fileId: file.id, name: file.name, kind, state: 'running', progress: null, changes: null, error: null } });
      try {
        jobId = (await unwrap(api().import_changeKind({ fileId: file.id, kind }))).jobId;
        early.get(jobId)?.();
        early.clear();
      } catch (err) {
        patchChange({ state: 'failed', error: messageOf(err) });
      }
    },
    reset: () => {
      jobId = null;
      set({ files: [], loaded: false, error: null, change: null });
    },
    onProgress: (p) => {
      if (p.jobId === jobId) patchChange({ progress: p });
    },
    onDone: (d) => {
      if (get().change?.state === 'running' && jobId == null) early.set(d.jobId, () => get().onDone(d));
      if (d.jobId !== jobId || d.result.kind !== 'analysis') return;
      patchChange({ state: 'done', changes: d.result.changes, progress: null });
      void refreshEngagementData();
    },
    onFailed: (f) => {
      if (get().change?.state === 'running' && jobId == null) early.set(f.jobId, () => get().onFailed(f));
      if (f.jobId !== jobId) return;
      patchChange({ state: 'failed', error: f.error.message, progress: null });
    },
  };
});
