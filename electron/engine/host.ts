import { Worker } from 'node:worker_threads';
import type { EventName, EventPayload } from '../../shared/contract/events';
import type { EngineMethodName, RequestOf, ResponseOf } from '../../shared/contract/methods';
import type { Result } from '../../shared/contract/result';
import type { EngineOptions } from './engine';
import type { FromWorker, ToWorker } from './protocol';

type Listener = (payload: unknown) => void;

/**
 * The engine worker's heap limits. Its young generation is sized so that a sign-in import's
 * batches (the rows' text included) die young: at 12 MB they outlived collections, and the old
 * generation grew by some 90 MB over a million rows.
 */
export const ENGINE_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 20 } as const;

/**
 * Runs the engine in a worker thread and speaks the contract to it. Electron main, the CLI and the
 * tests all use this class; `workerPath` is the built worker file (electron-vite emits it next to
 * main; the CLI build next to the CLI).
 */
export class EngineHost {
  private readonly worker: Worker;
  private seq = 0;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly ready: Promise<void>;
  private exited = false;
  private closing: Promise<void> | null = null;

  constructor(workerPath: string, options: EngineOptions) {
    this.worker = new Worker(workerPath, { workerData: options, resourceLimits: ENGINE_RESOURCE_LIMITS });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: FromWorker): void => {
        if (m.type === 'ready') {
          this.worker.off('error', reject);
          resolve();
        }
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
    });
    this.worker.on('message', (m: FromWorker) => this.onMessage(m));
    this.worker.on('error', (err) => this.failAll(`The engine stopped unexpectedly: ${err.message}`));
    this.worker.on('exit', (code) => {
      this.exited = true;
      this.failAll(`The engine stopped (exit code ${code}).`);
    });
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'response') {
      const resolve = this.pending.get(m.seq);
      this.pending.delete(m.seq);
      resolve?.(m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error });
    } else if (m.type === 'event') {
      for (const l of this.listeners.get(m.event) ?? []) l(m.payload);
    }
  }

  private failAll(message: string): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, error: { name: 'EngineError', message } });
    this.pending.clear();
  }

  /** Sends a request; resolves with a Result, never rejects. */
  async call<M extends EngineMethodName>(method: M, request: RequestOf<M>): Promise<Result<ResponseOf<M>>> {
    return (await this.callUntyped(method, request)) as Result<ResponseOf<M>>;
  }

  async callUntyped(method: string, request: unknown): Promise<Result<unknown>> {
    await this.ready;
    if (this.exited) return { ok: false, error: { name: 'EngineError', message: 'The engine is not running.' } };
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      const msg: ToWorker = { type: 'request', seq, method: method as EngineMethodName, args: request };
      this.worker.postMessage(msg);
    });
  }

  /** Like `call`, but throws the error: convenient for scripts and tests. */
  async invoke<M extends EngineMethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    const r = await this.call(method, request);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { name: r.error.name, code: r.error.code });
    return r.value;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  /** Resolves with the job's result when it finishes; rejects when it fails or is cancelled. */
  waitForJob(jobId: string): Promise<EventPayload<'job:done'>['result']> {
    return new Promise((resolve, reject) => {
      const offDone = this.on('job:done', (p) => {
        if (p.jobId !== jobId) return;
        offDone();
        offFailed();
        resolve(p.result);
      });
      const offFailed = this.on('job:failed', (p) => {
        if (p.jobId !== jobId) return;
        offDone();
        offFailed();
        reject(Object.assign(new Error(p.error.message), { name: p.error.name, cancelled: p.cancelled }));
      });
    });
  }

  /** Lets running jobs stop, closes the engagement cleanly, then ends the thread. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.exited) return;
      await this.ready.catch(() => undefined);
      const closed = new Promise<void>((resolve) => {
        this.worker.on('message', (m: FromWorker) => {
          if (m.type === 'closed') resolve();
        });
        this.worker.once('exit', () => resolve());
      });
      this.worker.postMessage({ type: 'shutdown' } satisfies ToWorker);
      await closed;
      await this.worker.terminate();
    })();
    return this.closing;
  }
}
