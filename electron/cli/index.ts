import { Command, CommanderError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ImportKindSchema, IMPORT_KINDS, type ImportKind } from '../../shared/domain/importKinds';
import type { ImportOutcome } from '../../shared/contract/dto';
import { EngineHost } from '../engine/host';
import { generateSampleTenant } from '../engine/sample';
import { attachProgress } from './progress';
import { coverageText, outcomesText, reviewImportText, summaryText } from './summaryText';
import pkg from '../../package.json';

/** Exit codes: 0 success, 1 nothing usable imported or a run error, 2 bad usage. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

const appRoot = resolve(__dirname, '..', '..');

function host(): EngineHost {
  return new EngineHost(join(__dirname, 'worker.js'), {
    samplePath: join(appRoot, 'resources', 'sample'),
    dataDir: join(tmpdir(), 'nhi-audit'),
    appVersion: pkg.version,
  });
}

function parseAsOf(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new UsageError(`--as-of must be a date as YYYY-MM-DD, not "${v}"`);
  }
  return v;
}

/** A file as the engine names it: absolute, and for an archive entry (`a.zip!dir/b.csv`) the archive resolved. */
function keyOf(file: string): string {
  if (existsSync(file)) return resolve(file);
  const m = /\.zip!/iu.exec(file);
  return m && existsSync(file.slice(0, m.index + 4)) ? `${resolve(file.slice(0, m.index + 4))}${file.slice(m.index + 4)}` : file;
}

function parseKinds(values: readonly string[] | undefined): Record<string, ImportKind> {
  const kinds: Record<string, ImportKind> = {};
  for (const v of values ?? []) {
    const at = v.lastIndexOf('=');
    const file = at > 0 ? v.slice(0, at) : '';
    const kind = ImportKindSchema.safeParse(v.slice(at + 1));
    if (!file || !kind.success) {
      throw new UsageError(`--kind takes <file>=<kind>, where kind is one of:\n  ${IMPORT_KINDS.join('\n  ')}`);
    }
    kinds[keyOf(file)] = kind.data;
  }
  return kinds;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

async function importInto(h: EngineHost, inputs: string[], kinds: Record<string, ImportKind>, analyse = true): Promise<ImportOutcome[]> {
  const { jobId } = await h.invoke('import:start', { paths: inputs.map((p) => resolve(p)), kinds, analyse });
  const result = await h.waitForJob(jobId);
  if (result.kind !== 'import') throw new Error('unexpected job result');
  return result.outcomes;
}

async function exportTo(h: EngineHost, out: string | undefined, json: string | undefined, asOf: string | undefined, pseudonymize = false): Promise<string[]> {
  const written: string[] = [];
  if (out) {
    const { jobId } = await h.invoke('export:workbook', { outPath: resolve(out), pseudonymize, ...(asOf ? { asOf } : {}) });
    await h.waitForJob(jobId);
    written.push(`  workbook: ${resolve(out)}`);
  }
  if (json) {
    const { jobId } = await h.invoke('export:report', { outPath: resolve(json), pseudonymize, ...(asOf ? { asOf } : {}) });
    await h.waitForJob(jobId);
    written.push(`  report:   ${resolve(json)}`);
  }
  return written;
}

/** The end-of-run summary: counts, then which evidence exists and what is missing. */
async function resultText(h: EngineHost): Promise<string> {
  const [summary, coverage] = await Promise.all([h.invoke('summary:get', {}), h.invoke('coverage:get', {})]);
  return `${summaryText(summary)}\n\nCoverage\n${coverageText(coverage)}`;
}

function printRun(outcomes: readonly ImportOutcome[]): boolean {
  process.stdout.write(`Inputs\n${outcomesText(outcomes)}\n`);
  return outcomes.some((o) => o.status === 'imported' || (o.status === 'skipped' && o.sha256));
}

interface EngagementOptions {
  name?: string;
  customer?: string;
  tenant?: string;
  auditor?: string;
}

async function withEngagement<T>(
  db: string | undefined,
  create: boolean,
  asOf: string | undefined,
  fn: (h: EngineHost) => Promise<T>,
  meta: EngagementOptions = {},
): Promise<T> {
  const h = host();
  const detach = attachProgress(h);
  let tmp: string | null = null;
  try {
    let path = db ? resolve(db) : null;
    if (!path) {
      tmp = await mkdtemp(join(tmpdir(), 'nhi-audit-'));
      path = join(tmp, 'engagement.nhiaudit');
    }
    if (existsSync(path)) await h.invoke('engagement:open', { path });
    else if (create) {
      await h.invoke('engagement:create', {
        path,
        name: meta.name ?? meta.customer ?? 'Command-line engagement',
        customer: meta.customer ?? '',
        tenant: meta.tenant ?? '',
        auditor: meta.auditor ?? '',
        asOf: asOf ?? null,
      });
    }
    else throw new UsageError(`The engagement ${path} does not exist.`);
    return await fn(h);
  } finally {
    detach();
    await h.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

/** Options that describe a new engagement (used only when the engagement file is created). */
function withMetaOptions(c: Command): Command {
  return c
    .option('--name <text>', 'engagement name (new engagements)')
    .option('--customer <text>', 'customer (new engagements)')
    .option('--tenant <text>', 'tenant domain or id (new engagements)')
    .option('--auditor <text>', 'auditor (new engagements)');
}

export function buildProgram(): Command {
  const program = new Command('nhi-audit')
    .description('Offline audit of Entra ID / Azure exports: identities, mandatory-MFA readiness, governance workbook.')
    .version(pkg.version)
    .showHelpAfterError();

  withMetaOptions(program.command('analyze'))
    .description('import exports, analyse them and write the workbook (and the JSON report)')
    .argument('<inputs...>', 'export files, folders or .zip archives')
    .requiredOption('--out <workbook.xlsx>', 'workbook to write')
    .option('--json <report.json>', 'also write the machine-readable report')
    .option('--db <engagement.nhiaudit>', 'keep the engagement in this file (default: a temporary one)')
    .option('--as-of <YYYY-MM-DD>', 'reference date for expiry and dormancy (default: today)', parseAsOf)
    .addOption(new Option('--kind <file=kind>', 'force the kind of a file (repeatable)').argParser(collect))
    .option('--pseudonymize', 'replace names, UPNs, e-mail and IP addresses by stable pseudonyms in the workbook and report')
    .action(async (inputs: string[], o: { out: string; json?: string; db?: string; asOf?: string; kind?: string[]; pseudonymize?: boolean } & EngagementOptions) => {
      const kinds = parseKinds(o.kind);
      await withEngagement(o.db, true, o.asOf, async (h) => {
        const outcomes = await importInto(h, inputs, kinds);
        if (!printRun(outcomes)) {
          process.stderr.write('Nothing usable could be imported; no workbook was written.\n');
          process.exitCode = EXIT_FAILURE;
          return;
        }
        const written = await exportTo(h, o.out, o.json, o.asOf, o.pseudonymize);
        process.stdout.write(`\nResult\n${await resultText(h)}\n\nWritten\n${written.join('\n')}\n`);
      }, o);
    });

  withMetaOptions(program.command('import'))
    .description('import exports into an engagement (created when missing) and analyse it')
    .argument('<inputs...>', 'export files, folders or .zip archives')
    .requiredOption('--db <engagement.nhiaudit>', 'engagement file')
    .addOption(new Option('--kind <file=kind>', 'force the kind of a file (repeatable)').argParser(collect))
    .option('--no-analyse', 'only import; `export` analyses before it writes')
    .action(async (inputs: string[], o: { db: string; kind?: string[]; analyse: boolean } & EngagementOptions) => {
      const kinds = parseKinds(o.kind);
      await withEngagement(o.db, true, undefined, async (h) => {
        const outcomes = await importInto(h, inputs, kinds, o.analyse);
        if (!printRun(outcomes)) process.exitCode = EXIT_FAILURE;
        process.stdout.write(`\nEngagement ${resolve(o.db)}\n${await resultText(h)}\n`);
      }, o);
    });

  program
    .command('export')
    .description('write the workbook and/or report of an existing engagement')
    .requiredOption('--db <engagement.nhiaudit>', 'engagement file')
    .requiredOption('--out <workbook.xlsx>', 'workbook to write')
    .option('--json <report.json>', 'also write the machine-readable report')
    .option('--as-of <YYYY-MM-DD>', 'reference date for expiry and dormancy (default: the engagement\'s, else today)', parseAsOf)
    .option('--pseudonymize', 'replace names, UPNs, e-mail and IP addresses by stable pseudonyms in the workbook and report')
    .action(async (o: { db: string; out: string; json?: string; asOf?: string; pseudonymize?: boolean }) => {
      await withEngagement(o.db, false, o.asOf, async (h) => {
        // The engagement may hold imports that were never analysed (`import --no-analyse`).
        await h.waitForJob((await h.invoke('analysis:run', {})).jobId);
        const written = await exportTo(h, o.out, o.json, o.asOf, o.pseudonymize);
        process.stdout.write(`${await resultText(h)}\n\nWritten\n${written.join('\n')}\n`);
      });
    });

  program
    .command('review-import')
    .description('read the reviewer columns of a reviewed workbook back into its engagement')
    .argument('<workbook.xlsx>', 'a workbook written by nhi-audit and edited by the reviewers')
    .requiredOption('--db <engagement.nhiaudit>', 'engagement the workbook was exported from')
    .option('--overwrite', 'take the workbook\'s values where the engagement changed too (default: keep the engagement\'s and report)')
    .action(async (workbook: string, o: { db: string; overwrite?: boolean }) => {
      await withEngagement(o.db, false, undefined, async (h) => {
        const { jobId } = await h.invoke('reviews:import', { path: resolve(workbook), preferWorkbook: o.overwrite ?? false });
        const done = await h.waitForJob(jobId);
        if (done.kind !== 'review') throw new Error('unexpected job result');
        process.stdout.write(`Reviews\n${reviewImportText(done.result)}\n`);
      });
    });

  program
    .command('sample')
    .description('write the fictional Contoso tenant\'s export files')
    .requiredOption('--out <dir>', 'folder to write into')
    .option('--sign-ins <n>', 'approximate number of sign-in events', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 100) throw new UsageError('--sign-ins must be a whole number of at least 100');
      return n;
    })
    .option('--seed <n>', 'random seed (same seed, same files)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n)) throw new UsageError('--seed must be a whole number');
      return n;
    })
    .action(async (o: { out: string; signIns?: number; seed?: number }) => {
      const files = await generateSampleTenant({ outDir: resolve(o.out), ...(o.signIns ? { signIns: o.signIns } : {}), ...(o.seed != null ? { seed: o.seed } : {}) });
      for (const f of files) process.stdout.write(`  ${f.path}  ${f.kind}  ${f.rows.toLocaleString('en-US')} rows\n`);
    });
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  for (const c of program.commands) c.exitOverride();
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return EXIT_FAILURE;
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
