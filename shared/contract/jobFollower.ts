import type { JobDone, JobFailed, JobProgress } from './events';

export interface JobFollower {
  /** The request that starts the job is about to be sent. */
  starting(): void;
  /** The request returned the job's id: an end that arrived before it is handled now. */
  started(jobId: string): void;
  /** The request failed: no job to follow. */
  notStarted(): void;
  forget(): void;
  onProgress(p: JobProgress): void;
  onDone(d: JobDone): void;
  onFailed(f: JobFailed): void;
}

/**
 * Follows the one background job a store starts and passes on only that job's events. Its end can
 * arrive before the call that started it returns the id (events and replies travel apart), so ends
 * seen while waiting for the id are kept and replayed when it comes.
 */
export function followJob(on: { progress(p: JobProgress): void; done(d: JobDone): void; failed(f: JobFailed): void }): JobFollower {
  let jobId: string | null = null;
  let waiting = false;
  const early = new Map<string, () => void>();
  const follower: JobFollower = {
    starting: () => {
      jobId = null;
      waiting = true;
      early.clear();
    },
    started: (id) => {
      jobId = id;
      waiting = false;
      early.get(id)?.();
      early.clear();
    },
    notStarted: () => {
      waiting = false;
      early.clear();
    },
    forget: () => {
      jobId = null;
      waiting = false;
      early.clear();
    },
    onProgress: (p) => {
      if (p.jobId === jobId) on.progress(p);
    },
    onDone: (d) => {
      if (waiting) early.set(d.jobId, () => follower.onDone(d));
      else if (d.jobId === jobId) on.done(d);
    },
    onFailed: (f) => {
      if (waiting) early.set(f.jobId, () => follower.onFailed(f));
      else if (f.jobId === jobId) on.failed(f);
    },
  };
  return follower;
}
