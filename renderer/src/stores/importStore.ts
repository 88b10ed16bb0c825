import { create } from 'zustand';
import type { ImportOutcome } from '../../../shared/contract/dto';
import type { JobDone, JobFailed, JobFileDone, JobProgress } from '../../../shared/contract/events';
import type { ImportKind } from '../../../shared/domain/importKinds';
import { api, messageOf, unwrap } from '../api';
import { refreshEngagementData } from './engagementData';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ImportJob {
  jobId: string;
  state: JobState;
  progress: JobProgress | null;
  outcomes: ImportOutcome[];
  /** The files ended so far while the import runs, in order; `outcomes` replaces them when it ends. */
  soFar: ImportOutcome[];
  analysed: boolean;
  error: string | null;
  cancelling: boolean;
  /**
   * For a re-import of one input with a chosen kind: the outcomes of the import it corrects, so the
   * table still lists the other files, with the corrected one in its place.
   */
  corrects: { outcomes: ImportOutcome[]; path: string } | null;
}

interface ImportState {
  /** Every import job seen, by id: events can arrive before the call that started the job returns. */
  jobs: Record<string, ImportJob>;
  currentId: string | null;
  starting: boolean;
  /** A failure to start (dialog or request), shown next to the Import button. */
  startError: string | null;
  chooseAndStart(options: { directories: boolean }): Promise<void>;
  start(paths: string[]): Promise<void>;
  /** Imports one input again as the chosen kind (its kind could not be detected). */
  reimport(path: string, kind: ImportKind): Promise<void>;
  track(jobId: string, corrects?: ImportJob['corrects']): void;
  cancel(): Promise<void>;
  dismiss(): void;
  reset(): void;
  onProgress(p: JobProgress): void;
  onDone(d: JobDone): void;
  onFailed(f: JobFailed): void;
  onFileDone(e: JobFileDone): void;
}

const blank = (jobId: string): ImportJob => ({
  jobId,
  state: 'running',
  progress: null,
  outcomes: [],
  soFar: [],
  analysed: false,
  error: null,
  cancelling: false,
  corrects: null,
});

const FILE_RESULTS_INTERVAL_MS = 150;

export const useImportStore = create<ImportState>()((set, get) => {
  const endedFiles = new Map<string, ImportOutcome[]>();
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const patch = (jobId: string, change: (job: ImportJob) => Partial<ImportJob>): void =>
    set((s) => {
      const job = s.jobs[jobId] ?? blank(jobId);
      return { jobs: { ...s.jobs, [jobId]: { ...job, ...change(job) } } };
    });

  const finished = (jobId: string): void => {
    if (get().currentId === jobId) void refreshEngagementData();
  };

  return {
    jobs: {},
    currentId: null,
    starting: false,
    startError: null,

    chooseAndStart: async ({ directories }) => {
      if (get().starting) return;
      set({ startError: null });
      try {
        const paths = await unwrap(api().dialog_openFiles({ directories }));
        if (paths.length > 0) await get().start(paths);
      } catch (err) {
        set({ startError: messageOf(err) });
      }
    },

    start: async (paths) => {
      set({ starting: true, startError: null });
      try {
        const { jobId } = await unwrap(api().import_start({ paths }));
        get().track(jobId);
      } catch (err) {
        set({ startError: messageOf(err) });
      } finally {
        set({ starting: false });
      }
    },

    reimport: async (path, kind) => {
      const previous = selectCurrentJob(get());
      set({ starting: true, startError: null });
      try {
        const { jobId } = await unwrap(api().import_start({ paths: [path], kinds: { [path]: kind } }));
        get().track(jobId, previous ? { outcomes: shownOutcomes(previous), path } : null);
      } catch (err) {
        set({ startError: messageOf(err) });
      } finally {
        set({ starting: false });
      }
    },

    track: (jobId, corrects = null) => {
      patch(jobId, () => ({ corrects }));
      set({ currentId: jobId });
      const job = get().jobs[jobId];
      if (job && job.state !== 'running') finished(jobId);
    },

    cancel: async () => {
      const id = get().currentId;
      if (!id) return;
      patch(id, () => ({ cancelling: true }));
      try {
        await unwrap(api().job_cancel({ jobId: id }));
      } catch (err) {
        patch(id, () => ({ cancelling: false, error: messageOf(err) }));
      }
    },

    dismiss: () => set({ currentId: null }),

    reset: () => {
      // Results gathered for the closed engagement's import must not bring its job back.
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      endedFiles.clear();
      set({ jobs: {}, currentId: null, starting: false, startError: null });
    },

    onProgress: (p) => {
      if (p.kind !== 'import') return;
      patch(p.jobId, (job) => (job.state === 'running' ? { progress: p } : {}));
    },

    onFileDone: (e) => {
      // Gathered and shown a few times a second: a folder of thousands of small files must not
      // re-render the growing table once per file.
      const list = endedFiles.get(e.jobId) ?? [];
      list.push(e.outcome);
      endedFiles.set(e.jobId, list);
      flushTimer ??= setTimeout(() => {
        flushTimer = null;
        for (const [jobId, ended] of endedFiles) {
          patch(jobId, (job) => {
            if (job.state !== 'running') return {};
            // The file shown as being read has ended: it is not named again until the next one reports.
            const progress = ended.some((o) => o.name === job.progress?.file) && job.progress ? { ...job.progress, file: null, rows: 0 } : job.progress;
            return { soFar: [...job.soFar, ...ended], progress };
          });
        }
        endedFiles.clear();
      }, FILE_RESULTS_INTERVAL_MS);
    },

    onDone: (d) => {
      if (d.result.kind !== 'import') return;
      const { outcomes, analysed } = d.result;
      patch(d.jobId, () => ({ state: 'done', outcomes, analysed, cancelling: false }));
      finished(d.jobId);
    },

    onFailed: (f) => {
      if (f.kind !== 'import') return;
      patch(f.jobId, () => ({ state: f.cancelled ? 'cancelled' : 'failed', error: f.error.message, cancelling: false }));
      finished(f.jobId);
    },
  };
});

/** A job's outcomes as shown: for a corrective re-import, the earlier list with the file's new outcome in its place. */
export function shownOutcomes(job: ImportJob): ImportOutcome[] {
  const c = job.corrects;
  // Before `job:done` (running, or failed part-way) the files ended so far: each was committed on its own.
  if (!c) return job.state === 'done' ? job.outcomes : job.soFar;
  if (job.state !== 'done') return c.outcomes;
  return c.outcomes.flatMap((o) => (o.path === c.path ? job.outcomes : [o]));
}

/** The job the engagement screen shows, if any. */
export const selectCurrentJob = (s: ImportState): ImportJob | null => (s.currentId ? (s.jobs[s.currentId] ?? null) : null);
