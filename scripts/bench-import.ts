// Import benchmark (issue 3): writes an Entra portal sign-in CSV of N rows with the real 55-column
// quoted header, imports it with `nhi-audit import` in a child process, and prints the time, rows
// per second and the child's peak memory (VmHWM from /proc, so every thread of the process counts).
// When the `sqlite3` command is installed it also times `sqlite3 .import` of the same file in the
// same run and prints the ratio. With `--triple` it repeats with a file three times larger, to show
// that memory stays flat.
//   npm run bench:import -- [rows=1000000] [--triple] [--keep]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writePortalCsv } from './bench/portalCsv';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'out', 'node', 'cli.js');
const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/u.test(a)) ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'nhi-bench-'));
const mb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;
const n = (v: number): string => Math.round(v).toLocaleString('en-US');

/** Runs a command, sampling its peak resident memory (Linux: VmHWM); resolves with seconds and bytes. */
function measure(cmd: string, argv: string[]): Promise<{ seconds: number; peak: number; code: number | null }> {
  return new Promise((done) => {
    const t = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    const status = `/proc/${child.pid}/status`;
    const timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/u.exec(readFileSync(status, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        /* exited */
      }
    }, 25);
    child.on('exit', (code) => {
      clearInterval(timer);
      done({ seconds: (performance.now() - t) / 1000, peak, code });
    });
  });
}

async function once(count: number): Promise<{ seconds: number; peak: number }> {
  const csv = join(dir, `InteractiveSignIns_bench_${count}.csv`);
  const t0 = performance.now();
  await writePortalCsv(csv, count);
  const size = statSync(csv).size;
  console.log(`file        ${n(count)} rows, ${mb(size)} (written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const db = join(dir, `bench_${count}.nhiaudit`);
  const ours = await measure(process.execPath, [cli, 'import', csv, '--db', db, '--no-analyse']);
  if (ours.code !== 0) throw new Error(`nhi-audit import failed (exit ${ours.code})`);
  console.log(`nhi-audit   ${ours.seconds.toFixed(1)} s = ${n(count / ours.seconds)} rows/s, ${(size / 1048576 / ours.seconds).toFixed(0)} MB/s, peak ${mb(ours.peak)}`);
  const sqlite = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (sqlite.status === 0) {
    const target = join(dir, `sqlite3_${count}.db`);
    const theirs = await measure('sqlite3', [target, '-cmd', '.mode csv', `.import ${csv} signins`]);
    console.log(`sqlite3     ${theirs.seconds.toFixed(1)} s (.import, all TEXT, no index; sqlite3 ${sqlite.stdout.trim().split(' ')[0]}), peak ${mb(theirs.peak)}`);
    console.log(`ratio       ${(ours.seconds / theirs.seconds).toFixed(2)}x the time of sqlite3 .import`);
    rmSync(target, { force: true });
  } else {
    console.log('sqlite3     not installed (apt-get install sqlite3): no comparison');
  }
  if (!args.includes('--keep')) rmSync(csv, { force: true });
  return ours;
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('Build first: npm run build:cli');
  const first = await once(rows);
  if (args.includes('--triple')) {
    const third = await once(rows * 3);
    console.log(`memory      ${mb(third.peak)} for 3x the rows vs ${mb(first.peak)}: ${(((third.peak - first.peak) / first.peak) * 100).toFixed(1)}% more`);
  }
  if (args.includes('--keep')) console.log(`kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

void main();
