import type { IdentityProfile } from '../../../shared/classification/profile';
import type { IdentityClass } from '../../../shared/domain/vocabulary';
import type { EvidenceCoverage, Readiness } from '../../../shared/readiness/assess';
import { evaluateRules, type RuleResult } from '../../../shared/rules/evaluate';
import type { RuleIdentity } from '../../../shared/rules/rule';
import type { Db } from '../db/open';
import { loadRuleInputs, ruleContext } from './ruleInputs';

/**
 * Evaluates every governance rule over the analysed identities and stores the findings and each
 * rule's outcome. Runs inside the analysis transaction, after classification and readiness.
 */
export function writeFindings(
  db: Db,
  judged: readonly { profile: IdentityProfile; cls: IdentityClass; readiness: Readiness | null }[],
  coverage: EvidenceCoverage,
  asOfMs: number,
  now: string,
): RuleResult[] {
  const identities: RuleIdentity[] = judged.map((j) => ({ profile: j.profile, cls: j.cls, readiness: j.readiness }));
  const results = evaluateRules(ruleContext(identities, loadRuleInputs(db, coverage), asOfMs));
  db.prepare('DELETE FROM findings').run();
  db.prepare('DELETE FROM rule_results').run();
  const insertFinding = db.prepare(
    `INSERT INTO findings (rule_id, identity_id, severity, title, subject, evidence, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertResult = db.prepare(`INSERT INTO rule_results (rule_id, status, reason, findings, computed_at) VALUES (?, ?, ?, ?, ?)`);
  for (const r of results) {
    insertResult.run(r.ruleId, r.status, r.reason, r.findings.length, now);
    for (const f of r.findings) insertFinding.run(r.ruleId, f.identityId, r.severity, r.title, f.subject, JSON.stringify({ text: f.evidence }), now);
  }
  return results;
}

/** Evaluates the rules again from the stored profiles and verdicts (after a reviewer's override). */
export function refreshFindings(db: Db, coverage: EvidenceCoverage, asOfMs: number, now: string): RuleResult[] {
  const rows = db
    .prepare(
      `SELECT p.profile, coalesce(c.override_class, c.class) AS cls, r.verdict, r.reason, r.surfaces, r.evidence
         FROM identity_profiles p JOIN classifications c ON c.identity_id = p.identity_id
         LEFT JOIN readiness r ON r.identity_id = p.identity_id`,
    )
    .iterate() as IterableIterator<{ profile: string; cls: IdentityClass; verdict: Readiness['verdict'] | null; reason: string | null; surfaces: string | null; evidence: string | null }>;
  const judged = [];
  for (const row of rows) {
    const evidence = row.evidence ? (JSON.parse(row.evidence) as { phase?: 1 | 2 | null; blockedSince?: string | null }) : {};
    judged.push({
      profile: JSON.parse(row.profile) as IdentityProfile,
      cls: row.cls,
      readiness: row.verdict
        ? { verdict: row.verdict, reason: row.reason ?? '', surfaces: row.surfaces ? (JSON.parse(row.surfaces) as Readiness['surfaces']) : [], phase: evidence.phase ?? null, blockedSince: evidence.blockedSince ?? null }
        : null,
    });
  }
  return writeFindings(db, judged, coverage, asOfMs, now);
}
