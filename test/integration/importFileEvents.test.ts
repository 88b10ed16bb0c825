import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProcessEngine } from '../support/engineHarness';
import { FIXTURES } from '../support/paths';

const h = inProcessEngine();
afterAll(() => h.engine.shutdown());

describe('an import reports each file as it ends', () => {
  it('pushes one job:fileDone per file, in order, equal to its outcome in job:done', async () => {
    await h.call('engagement:create', { path: join(h.dir, 'f.nhiaudit'), name: 'file events' });
    const broken = join(h.dir, 'broken.csv');
    writeFileSync(broken, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    const paths = [join(FIXTURES, 'portal', 'InteractiveSignIns_2026-11-01_2026-11-02.csv'), broken, join(FIXTURES, 'portal', 'exportUsers_2026-11-2.csv')];
    const { jobId } = await h.call('import:start', { paths, kinds: {} });
    const result = await h.job(jobId);
    if (result.kind !== 'import') throw new Error(`unexpected result ${result.kind}`);

    const ended = h.events['job:fileDone'].filter((e) => e.jobId === jobId).map((e) => e.outcome);
    expect(ended).toHaveLength(3);
    expect(ended).toEqual(result.outcomes);
    expect(ended.map((o) => o.status).sort()).toEqual(['failed', 'imported', 'imported']);
  });
});
