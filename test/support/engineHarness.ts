import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload, JobResult } from '../../shared/contract/events';
import type { EngineMethodName, RequestOf, ResponseOf } from '../../shared/contract/methods';
import { METHODS } from '../../shared/contract/methods';
import { Engine } from '../../electron/engine/engine';
import { SAMPLE } from './paths';

type Events = { [E in EventName]: EventPayload<E>[] };

/** The engine in-process (no worker), for fast tests of engine logic. The host tests cover the worker. */
export function inProcessEngine(): {
  engine: Engine;
  dir: string;
  events: Events;
  call: <M extends EngineMethodName>(m: M, req: RequestOf<M>) => Promise<ResponseOf<M>>;
  job: (jobId: string) => Promise<JobResult>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'nhi-engine-'));
  const events: Events = { 'job:progress': [], 'job:done': [], 'job:failed': [], 'job:fileDone': [], 'menu:command': [] };
  const engine = new Engine({ samplePath: SAMPLE, dataDir: dir, appVersion: 'test' }, (event, payload) => {
    (events[event] as unknown[]).push(payload);
  });
  const call = async <M extends EngineMethodName>(m: M, req: RequestOf<M>): Promise<ResponseOf<M>> => {
    const parsed = METHODS[m].request.parse(req);
    const handler = engine.handlers[m] as (r: unknown) => ResponseOf<M> | Promise<ResponseOf<M>>;
    return handler(parsed);
  };
  const job = async (jobId: string): Promise<JobResult> => {
    await engine.jobs.idle();
    const done = events['job:done'].find((e) => e.jobId === jobId);
    if (done) return done.result;
    const failed = events['job:failed'].find((e) => e.jobId === jobId);
    throw new Error(failed ? `${failed.error.name}: ${failed.error.message}` : `job ${jobId} produced no event`);
  };
  return { engine, dir, events, call, job };
}
