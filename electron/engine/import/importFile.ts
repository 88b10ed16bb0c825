import { createHash } from 'node:crypto';
import type { ImportOutcome } from '../../../shared/contract/dto';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/domain/importKinds';
import type { Detection } from '../../../shared/parse/detect';
import type { Db } from '../db/open';
import { importCsv } from './csv/importCsv';
import type { FileProgress } from './importContext';
import { importJson } from './json/importJson';
import { sniffSource } from './sniff';
import type { InputSource } from './source';
import { Tally } from './tally';

export { CancelledError } from './cancelled';

export interface ImportFileOptions {
  db: Db;
  source: InputSource;
  kindOverride?: ImportKind | undefined;
  signal: AbortSignal;
  onProgress: (p: FileProgress) => void;
  parserPath?: string | undefined;
}

/** An outcome with every count at zero, completed by `partial`. */
export function outcome(source: Pick<InputSource, 'path' | 'name'>, partial: Partial<ImportOutcome>): ImportOutcome {
  return {
    path: source.path,
    name: source.name,
    status: 'failed',
    kind: null,
    sha256: null,
    rowsImported: 0,
    rowsRejected: 0,
    rowsDuplicate: 0,
    warnings: [],
    rejections: [],
    error: null,
    ...partial,
  };
}

async function hashSource(source: InputSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source.open()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function undetectedMessage(d: Exclude<Detection, { status: 'detected' }>): Pick<ImportOutcome, 'status' | 'error' | 'candidates'> {
  switch (d.status) {
    case 'ambiguous':
      return { status: 'failed', error: d.message, candidates: d.candidates };
    case 'unsupported':
      return { status: 'skipped', error: `Recognised as ${d.looksLike}, which this version does not import yet.` };
    case 'unknown':
      return { status: 'failed', error: `Not a recognised export: it looks like ${d.looksLike}.`, candidates: [] };
  }
}

/**
 * Imports one input: skips an exact re-import, refuses what is not a text export, detects the
 * format by content and hands it to the CSV or JSON importer, which runs in one transaction.
 */
export async function importFile(opts: ImportFileOptions): Promise<ImportOutcome> {
  const { db, source } = opts;
  // Hash up front only when an input of the same size exists: otherwise it cannot be a re-import,
  // and the hash is computed in the same pass that parses it.
  const sameSize = db.prepare('SELECT 1 FROM imported_files WHERE size = ? LIMIT 1').get(source.size);
  if (sameSize) {
    const sha = await hashSource(source);
    const prior = db.prepare('SELECT name, imported_at FROM imported_files WHERE sha256 = ?').get(sha) as
      | { name: string; imported_at: string }
      | undefined;
    if (prior) {
      return outcome(source, { status: 'skipped', sha256: sha, warnings: [`Already imported (identical to ${prior.name}, imported ${prior.imported_at}); skipped.`] });
    }
  }
  if (source.size === 0) return outcome(source, { error: 'The file is empty (0 bytes).' });
  const sniffed = await sniffSource(source);
  if (sniffed.looksBinary) {
    return outcome(source, { error: 'This is not a text export (it contains binary data). Supported inputs are CSV and JSON exports, folders and .zip archives.' });
  }
  const tally = new Tally();
  const ctx = { source, kindOverride: opts.kindOverride, signal: opts.signal, tally, onProgress: opts.onProgress, parserPath: opts.parserPath };
  const head = sniffed.head.trimStart();
  const result = head.startsWith('{') || head.startsWith('[') ? await importJson(db, ctx, sniffed) : await importCsv(db, ctx, sniffed);
  if (result.status === 'undetected') return outcome(source, undetectedMessage(result.detection));
  if (result.status === 'duplicate') {
    return outcome(source, { status: 'skipped', kind: result.kind, sha256: result.sha256, warnings: [`Already imported (identical to ${result.priorName}); skipped.`] });
  }
  const warnings = [...tally.warnings];
  if (tally.imported === 0 && tally.rowsRead > 0) warnings.push(`No row of this ${IMPORT_KIND_LABELS[result.kind]} file could be imported.`);
  return outcome(source, {
    status: 'imported',
    kind: result.kind,
    sha256: result.sha256,
    rowsImported: tally.imported,
    rowsRejected: tally.rejected,
    rowsDuplicate: tally.duplicates,
    warnings,
    rejections: tally.rejections,
  });
}
