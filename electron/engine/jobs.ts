import type { ImportOutcome } from '../../shared/contract/dto';
import type { EventName, EventPayload, JobKind, JobProgress, JobResult } from '../../shared/contract/events';
import { serializeError } from '../../shared/contract/result';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  /** Reports progress; throttled here so a fast loop cannot flood the UI. */
  progress(p: Omit<JobProgress, 'jobId' | 'kind'>): void;
  /** An import's file has ended (imported, skipped, failed or cancelled); never throttled. */
  fileDone(outcome: ImportOutcome): void;
}

const PROGRESS_INTERVAL_MS = 100;

/**
 * Runs jobs one at a time (they share the single writing connection), each cancellable, each
 * ending in exactly one `job:done` or `job:failed` event.
 */
export class JobRunner {
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly emit: Emit) {}

  start(kind: JobKind, work: (ctx: JobContext) => Promise<JobResult>): string {
    const jobId = `${kind}-${++this.seq}`;
    const controller = new AbortController();
    this.running.set(jobId, controller);
    let last = 0;
    const ctx: JobContext = {
      jobId,
      signal: controller.signal,
      progress: (p) => {
        const now = Date.now();
        if (now - last < PROGRESS_INTERVAL_MS && p.fraction < 1) return;
        last = now;
        this.emit('job:progress', { jobId, kind, ...p });
      },
      fileDone: (outcome) => this.emit('job:fileDone', { jobId, outcome }),
    };
    this.queue = this.queue.then(async () => {
      try {
        if (controller.signal.aborted) throw new CancelledJob();
        const result = await work(ctx);
        this.emit('job:done', { jobId, result });
      } catch (err) {
        this.emit('job:failed', { jobId, kind, error: serializeError(err), cancelled: controller.signal.aborted });
      } finally {
        this.running.delete(jobId);
      }
    });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const c = this.running.get(jobId);
    if (!c) return false;
    c.abort();
    return true;
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort();
  }

  busy(): boolean {
    return this.running.size > 0;
  }

  /** Resolves when every queued job has finished. */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }
}

class CancelledJob extends Error {
  override name = 'CancelledError';
  constructor() {
    super('Cancelled before it started.');
  }
}
