import type { EngagementInfo, ImportedFile, Rejection, Summary } from '../../../shared/contract/dto';
import type { Db } from '../db/open';
import { findingsBySeverity } from './findings';

export function getSummary(db: Db, engagement: EngagementInfo): Summary {
  const byClass: Record<string, number> = {};
  for (const r of db
    .prepare(`SELECT coalesce(c.override_class, c.class, 'unclassified') AS cls, count(*) AS n FROM identities i
              LEFT JOIN classifications c ON c.identity_id = i.id GROUP BY cls ORDER BY cls`)
    .all() as { cls: string; n: number }[]) {
    byClass[r.cls] = r.n;
  }
  const byVerdict: Record<string, number> = {};
  for (const r of db.prepare(`SELECT verdict, count(*) AS n FROM readiness GROUP BY verdict`).all() as { verdict: string; n: number }[]) {
    byVerdict[r.verdict] = r.n;
  }
  const signInsByCategory: Record<string, number> = {};
  for (const r of db.prepare(`SELECT category, count(*) AS n FROM signins GROUP BY category`).all() as { category: string; n: number }[]) {
    signInsByCategory[r.category] = r.n;
  }
  // The evidence window comes from the files' recorded ranges: no scan of millions of sign-ins.
  const range = db
    .prepare(
      `SELECT min(first_time) AS a, max(last_time) AS b, (SELECT count(*) FROM signins) AS n
         FROM imported_files WHERE kind LIKE 'signins.%'`,
    )
    .get() as { a: string | null; b: string | null; n: number };
  const lastRun = db.prepare(`SELECT value FROM settings WHERE key = 'analysis.lastRun'`).get() as { value: string } | undefined;
  return {
    engagement,
    identities: Object.values(byClass).reduce((a, b) => a + b, 0),
    byClass,
    byVerdict,
    findingsBySeverity: findingsBySeverity(db),
    signIns: range.n,
    signInsByCategory,
    files: (db.prepare(`SELECT count(*) AS n FROM imported_files`).get() as { n: number }).n,
    firstSignIn: range.a,
    lastSignIn: range.b,
    analysedAt: lastRun ? (JSON.parse(lastRun.value) as string) : null,
  };
}

interface FileRow {
  id: number;
  name: string;
  path: string;
  size: number;
  sha256: string;
  kind: string;
  encoding: string;
  delimiter: string;
  rows_imported: number;
  rows_rejected: number;
  rows_duplicate: number;
  first_time: string | null;
  last_time: string | null;
  warnings: string;
  rejections: string;
  imported_at: string;
  duration_ms: number;
}

export function listImportedFiles(db: Db): ImportedFile[] {
  return (db.prepare(`SELECT * FROM imported_files ORDER BY id`).all() as FileRow[]).map((r) => ({
    id: r.id,
    name: r.name,
    path: r.path,
    size: r.size,
    sha256: r.sha256,
    kind: r.kind,
    encoding: r.encoding,
    delimiter: r.delimiter,
    rowsImported: r.rows_imported,
    rowsRejected: r.rows_rejected,
    rowsDuplicate: r.rows_duplicate,
    firstTime: r.first_time,
    lastTime: r.last_time,
    warnings: JSON.parse(r.warnings) as string[],
    rejections: JSON.parse(r.rejections) as Rejection[],
    importedAt: r.imported_at,
    durationMs: r.duration_ms,
  }));
}
