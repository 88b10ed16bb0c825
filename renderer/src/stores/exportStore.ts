import { create } from 'zustand';
import type { JobDone, JobFailed, JobProgress } from '../../../shared/contract/events';
import type { ReviewImportResult } from '../../../shared/domain/reviewImport';
import { api, messageOf, unwrap } from '../api';
import { refreshEngagementData } from './engagementData';

export type ExportKind = 'xlsx' | 'json' | 'review';

export interface ExportJob {
  jobId: string | null;
  kind: ExportKind;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress: JobProgress | null;
  /** The file written (exports) or read (a reviewed workbook). */
  path: string;
  error: string | null;
  review: ReviewImportResult | null;
}

interface ExportState {
  pseudonymize: boolean;
  /** For a reviewed workbook: where both sides changed, take the workbook's value. */
  preferWorkbook: boolean;
  job: ExportJob | null;
  setPseudonymize(on: boolean): void;
  setPreferWorkbook(on: boolean): void;
  exportWorkbook(suggestedName: string): Promise<void>;
  exportReport(suggestedName: string): Promise<void>;
  importReviewed(): Promise<void>;
  cancel(): Promise<void>;
  showInFolder(path: string): Promise<void>;
  reset(): void;
  onProgress(p: JobProgress): void;
  onDone(d: JobDone): void;
  onFailed(f: JobFailed): void;
}

/** A file name the engagement suggests: its name, safe for any file system. */
export function suggestedFileName(name: string, extension: string): string {
  const base = name.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').trim().replace(/\s+/gu, ' ') || 'engagement';
  return `${base} governance.${extension}`;
}

/**
 * Exports (workbook, report) and reading a reviewed workbook back: one at a time, each a job in the
 * engine with progress, the file chosen in the native dialog.
 */
export const useExportStore = create<ExportState>()((set, get) => {
  const running = (): boolean => get().job?.state === 'running';
  // The end of a short job can arrive before the call that started it returns its id.
  const early = new Map<string, () => void>();
  const waiting = (): boolean => running() && get().job?.jobId == null;
  const start = async (kind: ExportKind, choose: () => Promise<string | null>, run: (path: string) => Promise<{ jobId: string }>): Promise<void> => {
    if (running()) return;
    let path: string | null;
    try {
      path = await choose();
    } catch (err) {
      set({ job: { jobId: null, kind, state: 'failed', progress: null, path: '', error: messageOf(err), review: null } });
      return;
    }
    if (!path) return;
    set({ job: { jobId: null, kind, state: 'running', progress: null, path, error: null, review: null } });
    try {
      const { jobId } = await run(path);
      set((s) => (s.job && s.job.jobId == null ? { job: { ...s.job, jobId } } : {}));
      early.get(jobId)?.();
      early.clear();
    } catch (err) {
      set((s) => ({ job: s.job ? { ...s.job, state: 'failed', error: messageOf(err) } : null }));
    }
  };
  const mine = (jobId: string): boolean => get().job?.jobId === jobId;

  return {
    pseudonymize: false,
    preferWorkbook: false,
    job: null,
    setPseudonymize: (on) => set({ pseudonymize: on }),
    setPreferWorkbook: (on) => set({ preferWorkbook: on }),

    exportWorkbook: (suggestedName) =>
      start(
        'xlsx',
        () => unwrap(api().dialog_saveWorkbook({ suggestedName })),
        (outPath) => unwrap(api().export_workbook({ outPath, pseudonymize: get().pseudonymize })),
      ),

    exportReport: (suggestedName) =>
      start(
        'json',
        () => unwrap(api().dialog_saveReport({ suggestedName })),
        (outPath) => unwrap(api().export_report({ outPath, pseudonymize: get().pseudonymize })),
      ),

    importReviewed: () =>
      start(
        'review',
        () => unwrap(api().dialog_openWorkbook({})),
        (path) => unwrap(api().reviews_import({ path, preferWorkbook: get().preferWorkbook })),
      ),

    cancel: async () => {
      const id = get().job?.jobId;
      if (id && running()) await unwrap(api().job_cancel({ jobId: id }));
    },

    showInFolder: async (path) => {
      await unwrap(api().shell_showInFolder({ path }));
    },

    reset: () => set({ job: null }),

    onProgress: (p) => {
      if (!mine(p.jobId)) return;
      set((s) => (s.job ? { job: { ...s.job, progress: p } } : {}));
    },

    onDone: (d) => {
      if (waiting()) early.set(d.jobId, () => get().onDone(d));
      if (!mine(d.jobId)) return;
      const review = d.result.kind === 'review' ? d.result.result : null;
      set((s) => (s.job ? { job: { ...s.job, state: 'done', review } } : {}));
      // Decisions read back show in the identities table and the detail panel.
      if (review && review.applied > 0) void refreshEngagementData();
    },

    onFailed: (f) => {
      if (waiting()) early.set(f.jobId, () => get().onFailed(f));
      if (!mine(f.jobId)) return;
      set((s) => (s.job ? { job: { ...s.job, state: f.cancelled ? 'cancelled' : 'failed', error: f.error.message } } : {}));
    },
  };
});
