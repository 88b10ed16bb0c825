import type { Coverage } from '../../../shared/contract/coverage';
import { buildCoverage, type CategorySpan, type CoverageFile } from '../../../shared/coverage/model';
import { evidenceOfKind } from '../../../shared/coverage/evidence';
import { flagsFromWarnings } from '../../../shared/coverage/flags';
import type { SignInCategory } from '../../../shared/domain/vocabulary';
import type { Db } from '../db/open';

interface FileRow {
  id: number;
  name: string;
  path: string;
  kind: string;
  rows_imported: number;
  first_time: string | null;
  last_time: string | null;
  flags: string;
  warnings: string;
  signin_categories: string | null;
}

type Spans = Partial<Record<SignInCategory, CategorySpan>>;

/** A sign-in file whose kind names no category (Graph, portal JSON) can hold all four. */
const isMixedSignIns = (kind: string): boolean => {
  const ev = evidenceOfKind(kind);
  return ev?.type === 'signins' && ev.category == null;
};

/** Per category, the rows of the given files and their first and last event: one pass over the sign-ins. */
function scanCategories(db: Db, ids: readonly number[]): Map<number, Spans> {
  const out = new Map<number, Spans>(ids.map((id) => [id, {}]));
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT file_id AS f, category AS c, count(*) AS n, min(time_ms) AS a, max(time_ms) AS b FROM signins
          WHERE file_id IN (${chunk.map(() => '?').join(',')}) GROUP BY file_id, category`,
      )
      .all(...chunk) as { f: number; c: SignInCategory; n: number; a: number; b: number }[];
    for (const r of rows) {
      const spans = out.get(r.f);
      if (spans) spans[r.c] = { rows: r.n, firstTime: new Date(r.a).toISOString(), lastTime: new Date(r.b).toISOString() };
    }
  }
  return out;
}

/**
 * Records which sign-in categories each newly imported mixed sign-in file holds, so the coverage
 * view never has to scan the sign-ins again. Runs on the writer at the end of an import.
 */
export function recordSignInCategories(db: Db): void {
  const pending = (db.prepare(`SELECT id, kind FROM imported_files WHERE signin_categories IS NULL AND kind LIKE 'signins.%'`).all() as { id: number; kind: string }[])
    .filter((f) => isMixedSignIns(f.kind))
    .map((f) => f.id);
  if (pending.length === 0) return;
  const spans = scanCategories(db, pending);
  const update = db.prepare(`UPDATE imported_files SET signin_categories = ? WHERE id = ?`);
  db.transaction(() => {
    for (const [id, s] of spans) update.run(JSON.stringify(s), id);
  })();
}

/** The engagement's coverage, from its file records (and, for files recorded before it was kept, one scan). */
export function getCoverage(db: Db): Coverage {
  const rows = db
    .prepare(`SELECT id, name, path, kind, rows_imported, first_time, last_time, flags, warnings, signin_categories FROM imported_files ORDER BY id`)
    .all() as FileRow[];
  const unknown = rows.filter((r) => r.signin_categories == null && isMixedSignIns(r.kind)).map((r) => r.id);
  const scanned = unknown.length > 0 ? scanCategories(db, unknown) : new Map<number, Spans>();
  const files: CoverageFile[] = rows.map((r) => ({
    name: r.name,
    path: r.path,
    kind: r.kind,
    rows: r.rows_imported,
    firstTime: r.first_time,
    lastTime: r.last_time,
    flags: [...new Set([...(JSON.parse(r.flags) as string[]), ...flagsFromWarnings(JSON.parse(r.warnings) as string[])])],
    signInCategories: r.signin_categories != null ? (JSON.parse(r.signin_categories) as Spans) : (scanned.get(r.id) ?? null),
  }));
  // Graph and portal JSON sign-ins carry their authentication details inline: the file is then
  // evidence of them too, though its kind does not say so.
  const embedded = db
    .prepare(`SELECT file_id AS f, count(*) AS n FROM signin_auth_details GROUP BY file_id`)
    .all() as { f: number; n: number }[];
  for (const e of embedded) {
    const r = rows.find((x) => x.id === e.f);
    if (!r || evidenceOfKind(r.kind)?.type !== 'signins') continue;
    files.push({ name: r.name, path: r.path, kind: `${r.kind}.authdetails`, rows: e.n, firstTime: r.first_time, lastTime: r.last_time, flags: [], signInCategories: null });
  }
  return buildCoverage(files);
}
