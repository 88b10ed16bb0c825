import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../electron/engine/host';
import { bigInteractiveCsv } from '../support/bigCsv';
import { inProcessEngine } from '../support/engineHarness';
import { FIXTURES, SAMPLE, WORKER } from '../support/paths';

/** Every sign-in as text, without the file id (the two engagements number their files alike anyway). */
function dump(path: string): unknown[] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare(`SELECT * FROM signin_view ORDER BY request_id`).all() as Record<string, unknown>[];
  const identities = db.prepare(`SELECT count(*) AS n FROM identities`).get();
  db.close();
  return [identities, rows.map(({ file_id: _f, identity_id: _i, ...r }) => r)];
}

describe('sign-in CSVs parsed on a second thread', () => {
  it('store exactly what the single-threaded importer stores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhi-par-'));
    const inputs = [join(FIXTURES, 'portal'), bigInteractiveCsv(dir, 9_000), join(SAMPLE, 'ApplicationSignIns_2026-10-21_2026-11-20.csv'), join(SAMPLE, 'MSISignIns_2026-10-21_2026-11-20.csv')];

    const host = new EngineHost(WORKER, { samplePath: SAMPLE, dataDir: dir, appVersion: 'test' });
    const parallel = join(dir, 'parallel.nhiaudit');
    await host.invoke('engagement:create', { path: parallel });
    await host.waitForJob((await host.invoke('import:start', { paths: inputs, analyse: false })).jobId);
    await host.close();

    // The in-process engine has no built parser thread, so it parses on its own thread.
    const single = inProcessEngine();
    const singlePath = join(dir, 'single.nhiaudit');
    await single.call('engagement:create', { path: singlePath });
    await single.job((await single.call('import:start', { paths: inputs, analyse: false })).jobId);
    await single.engine.shutdown();

    const a = dump(parallel);
    expect((a[1] as unknown[]).length).toBe(37 + 9_000 + 4_324 + 1_801);
    expect(a).toEqual(dump(singlePath));
  });
});
