import type { EngagementInfo, ImportedFile, Rejection, Summary } from '../../../shared/contract/dto';
import type { Db } from '../db/open';
import { IDENTITY_SOURCES } from '../../../shared/contract/dto';
import { findingsBySeverity } from './findings';
import { SOURCE_SQL } from './identities';

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
    identitiesBySeverity: identitiesBySeverity(db),
    identitiesBySource: identitiesBySource(db),
    signIns: range.n,
    signInsByCategory,
    files: (db.prepare(`SELECT count(*) AS n FROM imported_files`).get() as { n: number }).n,
    firstSignIn: range.a,
    lastSignIn: range.b,
    analysedAt: lastRun ? (JSON.parse(lastRun.value) as string) : null,
  };
}

/** What the identities table's severity filter would show for each severity. */
function identitiesBySeverity(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  const rows = db
    .prepare(`SELECT severity, count(DISTINCT identity_id) AS n FROM findings WHERE identity_id IS NOT NULL GROUP BY severity`)
    .all() as { severity: string; n: number }[];
  for (const r of rows) out[r.severity] = r.n;
  return out;
}

/** What the identities table's source filter would show for each source: one pass over identities. */
function identitiesBySource(db: Db): Record<string, number> {
  const sums = IDENTITY_SOURCES.map((source) => `coalesce(sum(${SOURCE_SQL[source]}), 0) AS ${source}`).join(', ');
  return db.prepare(`SELECT ${sums} FROM identities i`).get() as Record<string, number>;
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

/** Identities by effective class and readiness verdict (identities never judged are left out). */
export function readinessByClass(db: Db): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const rows = db
    .prepare(
      `SELECT coalesce(c.override_class, c.class) AS cls, r.verdict, count(*) AS n FROM readiness r
         JOIN classifications c ON c.identity_id = r.identity_id GROUP BY cls, r.verdict`,
    )
    .all() as { cls: string; verdict: string; n: number }[];
  for (const r of rows) {
    const m = out.get(r.cls) ?? new Map<string, number>();
    m.set(r.verdict, r.n);
    out.set(r.cls, m);
  }
  return out;
}
