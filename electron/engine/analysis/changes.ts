import type { AnalysisChanges } from '../../../shared/contract/settings';
import type { IdentityClass, Verdict } from '../../../shared/domain/vocabulary';
import type { Db } from '../db/open';

const LIST_LIMIT = 300;

export interface AnalysisSnapshot {
  identities: Map<number, { name: string; cls: IdentityClass | null; verdict: Verdict | null }>;
  findingsByRule: Map<string, number>;
}

/** Each identity's effective class and verdict, and findings by rule, before a re-analysis. */
export function snapshot(db: Db): AnalysisSnapshot {
  const identities: AnalysisSnapshot['identities'] = new Map();
  const rows = db
    .prepare(
      `SELECT i.id, coalesce(i.display_name, i.upn, i.app_id, i.object_id, '#' || i.id) AS name, coalesce(c.override_class, c.class) AS cls, r.verdict
         FROM identities i LEFT JOIN classifications c ON c.identity_id = i.id LEFT JOIN readiness r ON r.identity_id = i.id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[number, string, IdentityClass | null, Verdict | null]>;
  for (const [id, name, cls, verdict] of rows) identities.set(id, { name, cls, verdict });
  const findingsByRule = new Map((db.prepare(`SELECT rule_id, count(*) FROM findings GROUP BY rule_id`).raw(true).all() as [string, number][]).map(([r, n]) => [r, n]));
  return { identities, findingsByRule };
}

/** What changed between two snapshots, the moved identities listed (up to a few hundred). */
export function changesBetween(before: AnalysisSnapshot, after: AnalysisSnapshot): AnalysisChanges {
  const out: AnalysisChanges = { classChangeCount: 0, classChanges: [], verdictChangeCount: 0, verdictChanges: [], findingsBefore: 0, findingsAfter: 0, byRule: [] };
  for (const [id, now] of after.identities) {
    const was = before.identities.get(id);
    if (!was) continue;
    if (was.cls !== now.cls) {
      out.classChangeCount++;
      if (out.classChanges.length < LIST_LIMIT) out.classChanges.push({ id, name: now.name, from: was.cls, to: now.cls });
    }
    if (was.verdict !== now.verdict) {
      out.verdictChangeCount++;
      if (out.verdictChanges.length < LIST_LIMIT) out.verdictChanges.push({ id, name: now.name, from: was.verdict, to: now.verdict });
    }
  }
  const rules = new Set([...before.findingsByRule.keys(), ...after.findingsByRule.keys()]);
  for (const ruleId of [...rules].sort()) {
    const b = before.findingsByRule.get(ruleId) ?? 0;
    const a = after.findingsByRule.get(ruleId) ?? 0;
    out.findingsBefore += b;
    out.findingsAfter += a;
    if (a !== b) out.byRule.push({ ruleId, before: b, after: a });
  }
  return out;
}
