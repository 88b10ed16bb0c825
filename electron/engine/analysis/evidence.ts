import type { SignInCategory } from '../../../shared/domain/vocabulary';
import type { EvidenceCoverage } from '../../../shared/readiness/assess';
import type { Db } from '../db/open';

/** What the analysis needs to know about the evidence as a whole. */
export function evidenceCoverage(db: Db): EvidenceCoverage {
  const categories = new Set(
    (db.prepare(`SELECT DISTINCT category FROM signins`).raw(true).all() as [SignInCategory][]).map(([c]) => c),
  );
  const window = db.prepare(`SELECT min(time_ms) AS first, max(time_ms) AS last FROM signins`).get() as { first: number | null; last: number | null };
  const registration = db.prepare(`SELECT 1 FROM imported_files WHERE kind LIKE 'mfa.%' LIMIT 1`).get() !== undefined;
  return {
    categories,
    registrationImported: registration,
    windowFrom: window.first == null ? null : new Date(window.first).toISOString(),
    windowTo: window.last == null ? null : new Date(window.last).toISOString(),
  };
}
