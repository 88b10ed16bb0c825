import { basename, posix } from 'node:path';
import type { ImportOutcome } from '../../../shared/contract/dto';
import type { ImportKind } from '../../../shared/domain/importKinds';
import type { Db } from '../db/open';
import type { JobContext } from '../jobs';
import { collectInputs } from './collectInputs';
import { CancelledError, importFile, outcome } from './importFile';
import type { InputSource } from './source';

/** Imports every input in turn; one bad file is reported and the others still import. */
export async function runImport(
  db: Db,
  paths: readonly string[],
  kinds: Readonly<Record<string, ImportKind>>,
  ctx: JobContext,
  parserPath?: string,
): Promise<ImportOutcome[]> {
  const collected = await collectInputs(paths);
  try {
    return await importAll(db, collected.sources, collected.problems, kinds, ctx, parserPath);
  } finally {
    collected.close();
  }
}

async function importAll(
  db: Db,
  files: readonly InputSource[],
  problems: readonly { path: string; error: string }[],
  kinds: Readonly<Record<string, ImportKind>>,
  ctx: JobContext,
  parserPath: string | undefined,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  const ended = (o: ImportOutcome): void => {
    outcomes.push(o);
    ctx.fileDone(o);
  };
  for (const p of problems) ended(outcome({ path: p.path, name: displayName(p.path) }, { error: p.error }));
  const overrides = new Map<string, ImportKind>();
  for (const [p, k] of Object.entries(kinds)) overrides.set(p, k);
  const started = Date.now();
  let totalRows = 0;
  for (const [i, file] of files.entries()) {
    const kindOverride = overrides.get(file.path) ?? overrides.get(file.name);
    if (ctx.signal.aborted) {
      ended(cancelled(file));
      continue;
    }
    try {
      const outcome = await importFile({
        db,
        source: file,
        parserPath,
        kindOverride,
        signal: ctx.signal,
        onProgress: (p) => {
          const seconds = (Date.now() - started) / 1000;
          ctx.progress({
            phase: 'Importing',
            file: file.name,
            fileIndex: i,
            fileCount: files.length,
            bytes: p.bytes,
            totalBytes: p.totalBytes,
            rows: p.rows,
            rowsPerSecond: seconds > 0 ? Math.round((totalRows + p.rows) / seconds) : 0,
            fraction: Math.min(1, (i + (p.totalBytes > 0 ? p.bytes / p.totalBytes : 1)) / Math.max(files.length, 1)),
          });
        },
      });
      totalRows += outcome.rowsImported + outcome.rowsRejected + outcome.rowsDuplicate;
      ended(outcome);
    } catch (err) {
      if (err instanceof CancelledError) {
        ended(cancelled(file));
        continue;
      }
      ended(
        outcome(file, { kind: kindOverride ?? null, error: `The file could not be read: ${(err as Error).message}. Nothing from it was imported.` }),
      );
    }
  }
  return outcomes;
}

/** The name shown for a path: the file's, or the entry's inside an archive (`a.zip!dir/b.csv` -> `b.csv`). */
function displayName(path: string): string {
  const bang = path.lastIndexOf('!');
  return bang > 0 && /\.zip$/iu.test(path.slice(0, bang)) ? posix.basename(path.slice(bang + 1)) || basename(path) : basename(path);
}

function cancelled(file: InputSource): ImportOutcome {
  return outcome(file, { status: 'cancelled', error: 'Cancelled; nothing from this file was imported.' });
}
