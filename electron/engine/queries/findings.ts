import type { Finding } from '../../../shared/contract/dto';
import type { Severity } from '../../../shared/domain/vocabulary';
import { frameworkRefs } from '../../../shared/rules/registry';
import type { Db } from '../db/open';

export type FindingRow = Finding;

export interface RuleResultRow {
  ruleId: string;
  status: 'pass' | 'fail' | 'skipped';
  reason: string | null;
  findings: number;
}

const SEVERITY_ORDER = `CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END`;

/** Every finding (or one identity's), worst first, streamed for the workbook and the report. */
export function iterateFindings(db: Db, identityId?: number): IterableIterator<FindingRow> {
  const where = identityId == null ? '' : 'WHERE identity_id = ?';
  const rows = db
    .prepare(`SELECT id, rule_id, title, severity, identity_id, subject, evidence FROM findings ${where} ORDER BY ${SEVERITY_ORDER}, rule_id, subject, id`)
    .iterate(...(identityId == null ? [] : [identityId])) as IterableIterator<{ id: number; rule_id: string; title: string; severity: Severity; identity_id: number | null; subject: string | null; evidence: string }>;
  return (function* () {
    for (const r of rows) {
      yield {
        id: r.id,
        ruleId: r.rule_id,
        title: r.title,
        severity: r.severity,
        identityId: r.identity_id,
        subject: r.subject ?? '',
        evidence: (JSON.parse(r.evidence) as { text?: string }).text ?? '',
        frameworks: frameworkRefs(r.rule_id),
      };
    }
  })();
}

/** Each rule's outcome of the last analysis. */
export function listRuleResults(db: Db): RuleResultRow[] {
  return (db.prepare(`SELECT rule_id AS ruleId, status, reason, findings FROM rule_results ORDER BY rule_id`).all() as RuleResultRow[]);
}

/** Findings by severity. */
export function findingsBySeverity(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of db.prepare(`SELECT severity, count(*) AS n FROM findings GROUP BY severity`).all() as { severity: string; n: number }[]) out[r.severity] = r.n;
  return out;
}
