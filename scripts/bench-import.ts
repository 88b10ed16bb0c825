// Import benchmark: generates the sample tenant at a given size, imports it through the real engine
// host (worker thread) into a fresh engagement, analyses it and writes the workbook, reporting
// rows/s and peak memory (RSS sampled every 50 ms; the worker shares the process). Usage:
//   npm run bench:import -- [signIns=1000000] [keep]
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { EngineHost } from '../electron/engine/host';

const root = resolve(import.meta.dirname, '..');
const signIns = Number(process.argv[2] ?? 1_000_000);
const keep = process.argv.includes('keep');
const dir = mkdtempSync(join(tmpdir(), 'nhi-bench-'));
const data = join(dir, 'sample');
const mb = (b: number): string => (b / 1024 / 1024).toFixed(0);
const n = (v: number): string => Math.round(v).toLocaleString('en-US');

async function main(): Promise<void> {
  const t0 = performance.now();
  // Generated in a child process, so its memory does not count in the import's peak below.
  const gen = spawnSync(process.execPath, [join(root, 'out/node/cli.js'), 'sample', '--out', data, '--sign-ins', String(signIns)], { stdio: 'ignore' });
  if (gen.status !== 0) throw new Error('sample generation failed');
  const genSeconds = (performance.now() - t0) / 1000;
  const bytes = readdirSync(data).reduce((a, f) => a + statSync(join(data, f)).size, 0);

  const baseline = process.memoryUsage().rss;
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const host = new EngineHost(join(root, 'out/node/worker.js'), { samplePath: data, dataDir: dir, appVersion: 'bench' });
  await host.invoke('engagement:create', { path: join(dir, 'bench.nhiaudit') });
  const t1 = performance.now();
  const result = await host.waitForJob((await host.invoke('import:start', { paths: [data], analyse: false })).jobId);
  const importSeconds = (performance.now() - t1) / 1000;
  const importPeak = peak;
  const t2 = performance.now();
  await host.waitForJob((await host.invoke('analysis:run', {})).jobId);
  const analysisSeconds = (performance.now() - t2) / 1000;
  const t3 = performance.now();
  await host.waitForJob((await host.invoke('export:workbook', { outPath: join(dir, 'bench.xlsx') })).jobId);
  const exportSeconds = (performance.now() - t3) / 1000;
  clearInterval(sampler);
  const summary = await host.invoke('summary:get', {});
  await host.close();
  if (result.kind !== 'import') throw new Error('unexpected result');
  const rows = result.outcomes.reduce((a, o) => a + o.rowsImported + o.rowsRejected + o.rowsDuplicate, 0);
  console.log(`generated   ${n(signIns)} sign-ins requested, ${mb(bytes)} MB of exports, in ${genSeconds.toFixed(1)} s`);
  console.log(`import      ${n(rows)} rows in ${importSeconds.toFixed(1)} s = ${n(rows / importSeconds)} rows/s, ${(bytes / 1048576 / importSeconds).toFixed(1)} MB/s, peak RSS ${mb(importPeak)} MB`);
  console.log(`analysis    ${n(summary.identities)} identities, ${n(summary.signIns)} sign-ins, in ${analysisSeconds.toFixed(1)} s`);
  console.log(`workbook    ${exportSeconds.toFixed(1)} s`);
  console.log(`peak RSS    ${mb(peak)} MB overall (process incl. engine worker; ${mb(baseline)} MB before the engine started)`);
  console.log(`engagement  ${mb(statSync(join(dir, 'bench.nhiaudit')).size)} MB on disk`);
  if (keep) console.log(`kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

void main();
