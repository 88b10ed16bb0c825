import type { IDENTITY_SORT_KEYS, IdentityPage, IdentityQuery, IdentityRow, IdentitySource, Reason, Surface } from '../../../shared/contract/dto';
import type { Recommendation } from '../../../shared/readiness/recommend';
import { IdentityQuerySchema } from '../../../shared/contract/dto';
import { SEVERITIES, VERDICTS, type IdentityClass, type Verdict } from '../../../shared/domain/vocabulary';
import type { IdentityBaseRow } from '../db/identityRow';
import type { Db } from '../db/open';
import { identityKeySql } from '../review/identityKey';

type IdentitySortKey = (typeof IDENTITY_SORT_KEYS)[number];
import { reviewOf } from '../review/store';

interface Row extends IdentityBaseRow {
  class: IdentityClass | null;
  computed_class: IdentityClass | null;
  override_class: IdentityClass | null;
  override_reason: string | null;
  verdict_reason: string | null;
  evidence: string | null;
  surfaces: string | null;
  recommendation: string | null;
  confidence: number | null;
  reasons: string | null;
  verdict: Verdict | null;
  sign_ins: number | null;
  interactive: number | null;
  non_interactive: number | null;
  last_seen: string | null;
  identity_key: string;
  rv_owner: string | null;
  rv_decision: string | null;
  rv_due_date: string | null;
  rv_status: string | null;
  rv_notes: string | null;
  rv_updated_at: string | null;
  finding_count: number;
  worst_rank: number | null;
}

/** 0 for critical … 4 for info: the order of SEVERITIES, so the smallest is the worst. */
const SEVERITY_RANK = `CASE f.severity ${SEVERITIES.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${SEVERITIES.length - 1} END`;
// Correlated subqueries, answered from the index on findings(identity_id, severity) alone.
const WORST_RANK_SQL = `(SELECT min(${SEVERITY_RANK}) FROM findings f WHERE f.identity_id = i.id)`;
const FINDING_COUNT_SQL = `(SELECT count(*) FROM findings f WHERE f.identity_id = i.id)`;
/**
 * Worst severity, then the most findings, as one number: the rank in the high bits, less the count.
 * One index probe per identity instead of two halves the cost of sorting a large tenant.
 */
const FINDINGS_ORDER_SQL = `coalesce((SELECT min(${SEVERITY_RANK}) * 4294967296 - count(*) FROM findings f WHERE f.identity_id = i.id), ${SEVERITIES.length} * 4294967296)`;

/** The tables a filter or a sort key may read besides `identities i`. */
const JOINS = {
  c: `LEFT JOIN classifications c ON c.identity_id = i.id`,
  r: `LEFT JOIN readiness r ON r.identity_id = i.id`,
  p: `LEFT JOIN identity_profiles p ON p.identity_id = i.id`,
} as const;
type JoinAlias = keyof typeof JOINS;

/** Each sort key's expression (ascending: the order a first click shows) and the table it reads. */
const SORTS: Record<IdentitySortKey, { sql: string; join?: JoinAlias }> = {
  // Exactly the expression of the index identities_display_order (migration 9), so pages skip the sort.
  displayName: { sql: `coalesce(i.display_name, i.upn, i.object_id) COLLATE NOCASE` },
  class: { sql: `coalesce(c.override_class, c.class)`, join: 'c' },
  // Worst first when ascending: the order of VERDICTS.
  verdict: { sql: `CASE r.verdict ${VERDICTS.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${VERDICTS.length} END`, join: 'r' },
  signIns: { sql: `coalesce(p.sign_ins, 0)`, join: 'p' },
  lastSeen: { sql: `p.last_seen`, join: 'p' },
  confidence: { sql: `c.confidence`, join: 'c' },
  // Worst severity first when ascending, then the most findings; identities without any last.
  findings: { sql: FINDINGS_ORDER_SQL },
};

/** Each source's condition on an identity `i` (see IDENTITY_SOURCES). */
export const SOURCE_SQL: Record<IdentitySource, string> = {
  directory: `i.in_directory = 1`,
  sign_ins_only: `(i.in_directory = 0 AND EXISTS (SELECT 1 FROM identity_profiles sp WHERE sp.identity_id = i.id AND sp.sign_ins > 0))`,
  role_assignments: `EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.identity_id = i.id)`,
  deleted: `i.deleted = 1`,
};

export const IDENTITY_SELECT = `
  SELECT i.id, i.kind, i.object_id, i.app_id, i.upn, i.display_name, i.user_type, i.account_enabled,
         coalesce(c.override_class, c.class) AS class, c.class AS computed_class, c.override_class, c.override_reason,
         c.confidence, c.reasons, r.verdict, r.reason AS verdict_reason, r.evidence, r.surfaces, r.recommendation,
         p.sign_ins, p.interactive, p.non_interactive, p.last_seen, ${identityKeySql('i')} AS identity_key,
         rv.owner AS rv_owner, rv.decision AS rv_decision, rv.due_date AS rv_due_date, rv.status AS rv_status, rv.notes AS rv_notes,
         rv.updated_at AS rv_updated_at, ${FINDING_COUNT_SQL} AS finding_count, ${WORST_RANK_SQL} AS worst_rank
    FROM identities i
    LEFT JOIN classifications c ON c.identity_id = i.id
    LEFT JOIN readiness r ON r.identity_id = i.id
    LEFT JOIN identity_profiles p ON p.identity_id = i.id
    LEFT JOIN reviews rv ON rv.identity_key = ${identityKeySql('i')}`;

export function toIdentityRow(r: Row): IdentityRow {
  const evidence = r.evidence ? (JSON.parse(r.evidence) as { phase?: 1 | 2 | null; blockedSince?: string | null }) : null;
  return {
    id: r.id,
    kind: r.kind,
    objectId: r.object_id,
    appId: r.app_id,
    upn: r.upn,
    displayName: r.display_name,
    userType: r.user_type,
    accountEnabled: r.account_enabled == null ? null : r.account_enabled !== 0,
    class: r.class,
    confidence: r.confidence,
    reasons: r.reasons ? (JSON.parse(r.reasons) as Reason[]) : [],
    verdict: r.verdict,
    computedClass: r.computed_class,
    override: r.override_class ? { class: r.override_class, reason: r.override_reason ?? '' } : null,
    verdictReason: r.verdict_reason,
    phase: evidence?.phase ?? null,
    blockedSince: evidence?.blockedSince ?? null,
    surfaces: r.surfaces ? (JSON.parse(r.surfaces) as Surface[]) : [],
    recommendation: r.recommendation ? (JSON.parse(r.recommendation) as Recommendation) : null,
    signIns: r.sign_ins ?? 0,
    interactiveSignIns: r.interactive ?? 0,
    nonInteractiveSignIns: r.non_interactive ?? 0,
    lastSeen: r.last_seen,
    key: r.identity_key,
    review: r.rv_updated_at == null ? null : reviewOf(r),
    findingCount: r.finding_count,
    worstSeverity: r.worst_rank == null ? null : (SEVERITIES[r.worst_rank] ?? null),
  };
}

/**
 * The statements of one page: the count of matches, and the page's ids in order. Exported so the
 * tests can check their query plans.
 */
export function identityPageSql(query: IdentityQuery): { count: string; page: string; params: unknown[] } {
  const q = IdentityQuerySchema.parse(query);
  const where: string[] = [];
  const params: unknown[] = [];
  // SQLite keeps an unused LEFT JOIN in a count(*): join only what the filters and the sort read.
  const joins = new Set<JoinAlias>();
  const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');
  if (q.classes && q.classes.length > 0) {
    where.push(`coalesce(c.override_class, c.class) IN (${placeholders(q.classes)})`);
    params.push(...q.classes);
    joins.add('c');
  }
  if (q.verdicts && q.verdicts.length > 0) {
    where.push(`r.verdict IN (${placeholders(q.verdicts)})`);
    params.push(...q.verdicts);
    joins.add('r');
  }
  if (q.severities && q.severities.length > 0) {
    where.push(`EXISTS (SELECT 1 FROM findings f WHERE f.identity_id = i.id AND f.severity IN (${placeholders(q.severities)}))`);
    params.push(...q.severities);
  }
  if (q.sources && q.sources.length > 0) {
    where.push(`(${[...new Set(q.sources)].map((source) => SOURCE_SQL[source]).join(' OR ')})`);
  }
  if (q.search && q.search.trim() !== '') {
    const like = `%${q.search.trim().replace(/[\\%_]/gu, (m) => `\\${m}`)}%`;
    where.push(`(i.display_name LIKE ? ESCAPE '\\' OR i.upn LIKE ? ESCAPE '\\' OR i.object_id LIKE ? ESCAPE '\\' OR i.app_id LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const from = (): string => `FROM identities i ${[...joins].map((j) => JOINS[j]).join(' ')}`;
  const count = `SELECT count(*) AS n ${from()} ${whereSql}`;
  const sort = SORTS[q.sort];
  if (sort.join) joins.add(sort.join);
  const dir = q.descending ? 'DESC' : 'ASC';
  // The tie-break follows the direction so that one index serves both directions.
  const page = `SELECT i.id ${from()} ${whereSql} ORDER BY ${sort.sql} ${dir}, i.id ${dir} LIMIT ${q.limit} OFFSET ${q.offset}`;
  return { count, page, params };
}

/**
 * One page of identities, filtered and sorted in SQL so the UI never holds the whole tenant. The
 * sort reads ids and sort keys only; the full rows (JSON evidence, review, findings) are read for
 * the page's ids alone, so a deep page costs little more than the first.
 */
export function listIdentities(db: Db, query: IdentityQuery): IdentityPage {
  const sql = identityPageSql(query);
  // One read transaction: the count and the page see the same committed state.
  return db.transaction((): IdentityPage => {
    const total = (db.prepare(sql.count).get(...sql.params) as { n: number }).n;
    const ids = db.prepare(sql.page).pluck().all(...sql.params) as number[];
    if (ids.length === 0) return { total, rows: [] };
    const byId = new Map(
      (db.prepare(`${IDENTITY_SELECT} WHERE i.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[]).map((r) => [r.id, r]),
    );
    const rows: IdentityRow[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (r) rows.push(toIdentityRow(r));
    }
    return { total, rows };
  })();
}

/**
 * Every identity in a stable order, for exports; streamed, never materialised. `readiness`: user
 * objects only, worst verdict first (the MFA Readiness sheet).
 */
export function iterateIdentities(db: Db, options: { readiness?: boolean } = {}): IterableIterator<IdentityRow> {
  const sql = options.readiness
    ? `${IDENTITY_SELECT} WHERE i.kind = 'user' ORDER BY ${SORTS.verdict.sql}, coalesce(i.display_name, '') COLLATE BINARY, i.id`
    : `${IDENTITY_SELECT} ORDER BY coalesce(c.override_class, c.class), ${SORTS.displayName.sql}, i.id`;
  const it = db.prepare(sql).iterate() as IterableIterator<Row>;
  return (function* () {
    for (const r of it) yield toIdentityRow(r);
  })();
}

/** One identity as the table and the detail panel show it. */
export function getIdentity(db: Db, id: number): IdentityRow | null {
  const r = db.prepare(`${IDENTITY_SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
  return r ? toIdentityRow(r) : null;
}
