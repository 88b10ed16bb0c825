import { relabelledKind, IMPORT_KIND_LABELS, type ImportKind } from '../../../shared/domain/importKinds';
import { UserFacingError } from '../../../shared/contract/result';
import { SIGNIN_CSV_CATEGORY } from '../../../shared/parse/signInMappers';
import type { Db } from '../db/open';

/**
 * Re-labels an imported file as the other kind its columns allow (interactive ↔ non-interactive
 * portal sign-ins): its sign-ins change category, the file records its new kind and a note of the
 * change. One transaction: the engagement holds either the old labels or the new ones. The caller
 * re-analyses.
 */
export function changeFileKind(db: Db, fileId: number, kind: ImportKind, at: Date = new Date()): { name: string; from: ImportKind; to: ImportKind } {
  const file = db.prepare(`SELECT name, kind, warnings FROM imported_files WHERE id = ?`).get(fileId) as { name: string; kind: ImportKind; warnings: string } | undefined;
  if (!file) throw new UserFacingError('That file is no longer recorded in this engagement.', 'FILE_NOT_FOUND');
  if (file.kind === kind) throw new UserFacingError(`${file.name} is already recorded as ${IMPORT_KIND_LABELS[kind]}.`, 'KIND_UNCHANGED');
  const category = SIGNIN_CSV_CATEGORY[kind];
  if (relabelledKind(file.kind) !== kind || !category) {
    throw new UserFacingError(
      `${file.name} cannot be changed from ${IMPORT_KIND_LABELS[file.kind]} to ${IMPORT_KIND_LABELS[kind]}: only interactive and non-interactive portal sign-in CSVs, whose columns are the same, can be told apart after import.`,
      'KIND_NOT_CHANGEABLE',
    );
  }
  const note = `Recorded as ${IMPORT_KIND_LABELS[kind]} by the reviewer on ${at.toISOString().slice(0, 10)}; detected from its name as ${IMPORT_KIND_LABELS[file.kind]}.`;
  const warnings = [...(JSON.parse(file.warnings) as string[]).filter((w) => !w.startsWith('Recorded as ')), note];
  db.transaction(() => {
    db.prepare(`UPDATE signins SET category = ? WHERE file_id = ?`).run(category, fileId);
    db.prepare(`UPDATE imported_files SET kind = ?, warnings = ? WHERE id = ?`).run(kind, JSON.stringify(warnings), fileId);
  })();
  return { name: file.name, from: file.kind, to: kind };
}
