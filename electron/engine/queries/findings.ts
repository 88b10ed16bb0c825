import type { Finding } from '../../../shared/contract/dto';
import type { Severity } from '../../../shared/domain/vocabulary';
import { FRAMEWORKS, frameworkRefs } from '../../../shared/rules/registry';
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
    .iterate(...(identityId == null ? [] : [identityId])) as IterableIterator<StoredFinding>;
  return (function* () {
    for (const r of rows) yield toFinding(r);
  })();
}

interface StoredFinding {
  id: number;
  rule_id: string;
  title: string;
  severity: Severity;
  identity_id: number | null;
  subject: string | null;
  evidence: string;
}

function toFinding(r: StoredFinding): FindingRow {
  return {
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

export interface FindingQuery {
  offset: number;
  limit: number;
  severities?: readonly Severity[] | undefined;
  ruleIds?: readonly string[] | undefined;
  /** A framework requirement id (NHI7:2025, PR.AA-05, Tenet 6): the findings of the rules mapped to it. */
  requirement?: string | undefined;
  search?: string | undefined;
}

/** One page of findings, worst first, filtered in SQL, with the total that matches. */
export function listFindings(db: Db, q: FindingQuery): { total: number; rows: FindingRow[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.severities && q.severities.length > 0) {
    where.push(`severity IN (${q.severities.map(() => '?').join(', ')})`);
    params.push(...q.severities);
  }
  let ruleIds = q.ruleIds && q.ruleIds.length > 0 ? [...q.ruleIds] : null;
  if (q.requirement) {
    const mapped = FRAMEWORKS.flatMap((f) => f.requirements.filter((r) => r.id === q.requirement).flatMap((r) => r.ruleIds));
    ruleIds = ruleIds ? ruleIds.filter((id) => mapped.includes(id)) : mapped;
  }
  if (ruleIds) {
    if (ruleIds.length === 0) return { total: 0, rows: [] };
    where.push(`rule_id IN (${ruleIds.map(() => '?').join(', ')})`);
    params.push(...ruleIds);
  }
  const search = q.search?.trim();
  if (search) {
    where.push(`(subject LIKE ? ESCAPE '\\' OR evidence LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')`);
    const like = `%${search.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
    params.push(like, like, like);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM findings ${clause}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT id, rule_id, title, severity, identity_id, subject, evidence FROM findings ${clause} ORDER BY ${SEVERITY_ORDER}, rule_id, subject, id LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as StoredFinding[];
  return { total, rows: rows.map(toFinding) };
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
