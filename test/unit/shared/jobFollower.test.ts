import { describe, expect, it } from 'vitest';
import type { JobDone, JobFailed, JobProgress } from '../../../shared/contract/events';
import { followJob } from '../../../shared/contract/jobFollower';

const done = (jobId: string): JobDone => ({ jobId, result: { kind: 'analysis', identities: 1, changes: null } });
const failed = (jobId: string): JobFailed => ({ jobId, kind: 'analysis', error: { name: 'Error', message: 'no' }, cancelled: false });
const progress = (jobId: string): JobProgress => ({ jobId, kind: 'analysis', phase: 'p', file: null, fileIndex: 0, fileCount: 0, bytes: 0, totalBytes: 0, rows: 0, rowsPerSecond: 0, fraction: 0.5 });

function recorder() {
  const seen: string[] = [];
  const follower = followJob({
    progress: (p) => seen.push(`progress ${p.jobId}`),
    done: (d) => seen.push(`done ${d.jobId}`),
    failed: (f) => seen.push(`failed ${f.jobId}`),
  });
  return { seen, follower };
}

describe('following the job a store started', () => {
  it("passes on only its own job's events", () => {
    const { seen, follower } = recorder();
    follower.starting();
    follower.started('analysis-2');
    follower.onProgress(progress('import-1'));
    follower.onProgress(progress('analysis-2'));
    follower.onDone(done('import-1'));
    follower.onDone(done('analysis-2'));
    expect(seen).toEqual(['progress analysis-2', 'done analysis-2']);
  });

  it('keeps an end that arrives before the id and hands it on when the id comes', () => {
    const { seen, follower } = recorder();
    follower.starting();
    follower.onDone(done('export-1'));
    follower.onFailed(failed('analysis-3'));
    expect(seen).toEqual([]);
    follower.started('analysis-3');
    expect(seen).toEqual(['failed analysis-3']);
  });

  it('follows nothing when the start failed or the store was reset', () => {
    const { seen, follower } = recorder();
    follower.starting();
    follower.onDone(done('analysis-4'));
    follower.notStarted();
    follower.onDone(done('analysis-4'));
    follower.started('analysis-5');
    follower.forget();
    follower.onDone(done('analysis-5'));
    expect(seen).toEqual([]);
  });
});
