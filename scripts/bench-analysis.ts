// Analysis benchmark (issue 4): imports a portal sign-in CSV of N rows spread over U users
// (default 1,000,000 rows, 10,000 users) with `nhi-audit import --no-analyse`, then times the
// analysis the engine runs (profiles in SQL, classification, readiness, recommendations) on that
// engagement, in this process, and prints the time and the identities per second.
//   npm run bench:analysis -- [rows=1000000] [users=10000] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CLASSIFICATION_SETTINGS } from '../shared/classification/settings';
import { runAnalysis } from '../electron/engine/analysis/runAnalysis';
import { openDatabase } from '../electron/engine/db/open';
import { writePortalCsv } from './bench/portalCsv';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'out', 'node', 'cli.js');
const nums = process.argv.slice(2).filter((a) => /^\d+$/u.test(a)).map(Number);
const rows = nums[0] ?? 1_000_000;
const users = nums[1] ?? 10_000;
const dir = mkdtempSync(join(tmpdir(), 'nhi-bench-analysis-'));
const n = (v: number): string => Math.round(v).toLocaleString('en-US');

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('Build first: npm run build:cli');
  const csv = join(dir, `InteractiveSignIns_bench_${rows}.csv`);
  await writePortalCsv(csv, rows, 7, users);
  const db = join(dir, 'bench.nhiaudit');
  const t0 = performance.now();
  const imported = spawnSync(process.execPath, [cli, 'import', csv, '--db', db, '--no-analyse'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (imported.status !== 0) throw new Error(`import failed (exit ${imported.status})`);
  console.log(`import      ${n(rows)} sign-ins in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const engagement = openDatabase(db, { create: false });
  let phaseAt = performance.now();
  const t = performance.now();
  const identities = runAnalysis(engagement, DEFAULT_CLASSIFICATION_SETTINGS, (phase) => {
    const now = performance.now();
    console.log(`  ${phase.padEnd(45)} at ${((now - t) / 1000).toFixed(2)} s`);
    phaseAt = now;
  });
  const seconds = (performance.now() - t) / 1000;
  console.log(`  written                                       at ${seconds.toFixed(2)} s (last phase ${((performance.now() - phaseAt) / 1000).toFixed(2)} s)`);
  console.log(`analysis    ${n(identities)} identities from ${n(rows)} sign-ins in ${seconds.toFixed(2)} s (${n(identities / seconds)} identities/s), peak RSS ${n(process.resourceUsage().maxRSS / 1024)} MB`);
  engagement.close();
  if (process.argv.includes('--keep')) console.log(`kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

void main();
