import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHost } from '../../electron/engine/host';
import type { JobProgress } from '../../shared/contract/events';
import { bigInteractiveCsv } from '../support/bigCsv';
import { ELECTRON_WORKER, FIXTURES, SAMPLE, WORKER } from '../support/paths';

const hosts: EngineHost[] = [];
function start(worker = WORKER): { host: EngineHost; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nhi-host-'));
  const host = new EngineHost(worker, { samplePath: SAMPLE, dataDir: dir, appVersion: 'test' });
  hosts.push(host);
  return { host, dir };
}
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

describe('engine host (worker thread)', () => {
  it('answers with Results, validates requests and serialises errors', async () => {
    const { host } = start();
    expect(await host.call('engagement:current', {})).toEqual({ ok: true, value: null });
    const bad = await host.callUntyped('engagement:open', { path: 42 });
    expect(bad).toMatchObject({ ok: false, error: { name: 'ZodError' } });
    const missing = await host.call('engagement:open', { path: '/nonexistent/x.nhiaudit' });
    expect(missing).toMatchObject({ ok: false, error: { name: 'UserFacingError', code: 'ENGAGEMENT_NOT_FOUND' } });
    const none = await host.call('summary:get', {});
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_ENGAGEMENT' } });
  });

  it('imports real files with progress events and answers queries while it works', async () => {
    const { host, dir } = start();
    await host.invoke('engagement:create', { path: join(dir, 'e.nhiaudit') });
    const big = bigInteractiveCsv(dir, 60_000);
    const progress: JobProgress[] = [];
    host.on('job:progress', (p) => progress.push(p));
    const { jobId } = await host.invoke('import:start', { paths: [big, join(FIXTURES, 'portal')] });
    // A query during the import is answered (between batches) and never sees a half-imported file.
    const during = await host.invoke('summary:get', {});
    expect([0, 60_000, 60_007, 60_037]).toContain(during.signIns);
    const result = await host.waitForJob(jobId);
    expect(result.kind === 'import' && result.outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.some((p) => p.file === 'InteractiveSignIns_2026-11-01_2026-11-09.csv' && p.rows > 0 && p.totalBytes > 0)).toBe(true);
    const summary = await host.invoke('summary:get', {});
    expect(summary.signIns).toBe(60_000 + 37);
    expect(summary.byClass.service_account).toBeGreaterThan(0);
  });

  it('cancels a running import and leaves the engagement as it was before that file', async () => {
    const { host, dir } = start();
    await host.invoke('engagement:create', { path: join(dir, 'e.nhiaudit') });
    const first = await host.invoke('import:start', { paths: [join(FIXTURES, 'portal')] });
    await host.waitForJob(first.jobId);
    const before = await host.invoke('summary:get', {});
    // Large enough that the cancel, sent at the first progress report, arrives well before the end
    // even on a loaded machine.
    const big = bigInteractiveCsv(dir, 300_000);
    const { jobId } = await host.invoke('import:start', { paths: [big] });
    const cancelled = new Promise<void>((resolve) => {
      const off = host.on('job:progress', (p) => {
        if (p.jobId === jobId && p.rows > 0) {
          off();
          void host.invoke('job:cancel', { jobId }).then(() => resolve());
        }
      });
    });
    const outcome = host.waitForJob(jobId);
    await cancelled;
    const result = await outcome;
    expect(result.kind === 'import' && result.outcomes[0]?.status).toBe('cancelled');
    const after = await host.invoke('summary:get', {});
    expect(after.signIns).toBe(before.signIns);
    expect(after.files).toBe(before.files);
    expect(after.identities).toBe(before.identities);
  });

  it('runs the worker that Electron main ships, built by electron-vite', async () => {
    const { host, dir } = start(ELECTRON_WORKER);
    await host.invoke('engagement:create', { path: join(dir, 'e.nhiaudit') });
    const result = await host.waitForJob((await host.invoke('import:start', { paths: [join(FIXTURES, 'portal')] })).jobId);
    expect(result.kind === 'import' && result.outcomes.every((o) => o.status === 'imported')).toBe(true);
  });

  it('closes cleanly and reopens the engagement with its data', async () => {
    const { host, dir } = start();
    const path = join(dir, 'e.nhiaudit');
    await host.invoke('engagement:create', { path, name: 'Reopen me' });
    await host.waitForJob((await host.invoke('import:start', { paths: [join(FIXTURES, 'portal')] })).jobId);
    await host.close();
    const second = start().host;
    const info = await second.invoke('engagement:open', { path });
    expect(info.name).toBe('Reopen me');
    expect((await second.invoke('summary:get', {})).signIns).toBe(37);
  });
});
