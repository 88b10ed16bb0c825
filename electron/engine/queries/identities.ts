import type { IdentityPage, IdentityQuery, IdentityRow, Reason, Surface } from '../../../shared/contract/dto';
import type { Recommendation } from '../../../shared/readiness/recommend';
import { IdentityQuerySchema } from '../../../shared/contract/dto';
import { VERDICTS, type IdentityClass, type Verdict } from '../../../shared/domain/vocabulary';
import type { IdentityBaseRow } from '../db/identityRow';
import type { Db } from '../db/open';
import { identityKeySql } from '../review/identityKey';
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
}

const SORT_SQL: Record<string, string> = {
  displayName: `coalesce(i.display_name, i.upn, i.object_id) COLLATE NOCASE`,
  class: `coalesce(c.override_class, c.class)`,
  // Worst first when ascending: the order of VERDICTS.
  verdict: `CASE r.verdict ${VERDICTS.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${VERDICTS.length} END`,
  signIns: `coalesce(p.sign_ins, 0)`,
  lastSeen: `p.last_seen`,
  confidence: `c.confidence`,
};

export const IDENTITY_SELECT = `
  SELECT i.id, i.kind, i.object_id, i.app_id, i.upn, i.display_name, i.user_type, i.account_enabled,
         coalesce(c.override_class, c.class) AS class, c.class AS computed_class, c.override_class, c.override_reason,
         c.confidence, c.reasons, r.verdict, r.reason AS verdict_reason, r.evidence, r.surfaces, r.recommendation,
         p.sign_ins, p.interactive, p.non_interactive, p.last_seen, ${identityKeySql('i')} AS identity_key,
         rv.owner AS rv_owner, rv.decision AS rv_decision, rv.due_date AS rv_due_date, rv.status AS rv_status, rv.notes AS rv_notes,
         rv.updated_at AS rv_updated_at
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
  };
}

/** One page of identities, filtered and sorted in SQL so the UI never holds the whole tenant. */
export function listIdentities(db: Db, query: IdentityQuery): IdentityPage {
  const q = IdentityQuerySchema.parse(query);
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.classes && q.classes.length > 0) {
    where.push(`coalesce(c.override_class, c.class) IN (${q.classes.map(() => '?').join(', ')})`);
    params.push(...q.classes);
  }
  if (q.verdicts && q.verdicts.length > 0) {
    where.push(`r.verdict IN (${q.verdicts.map(() => '?').join(', ')})`);
    params.push(...q.verdicts);
  }
  if (q.search && q.search.trim() !== '') {
    const like = `%${q.search.trim().replace(/[\\%_]/gu, (m) => `\\${m}`)}%`;
    where.push(`(i.display_name LIKE ? ESCAPE '\\' OR i.upn LIKE ? ESCAPE '\\' OR i.object_id LIKE ? ESCAPE '\\' OR i.app_id LIKE ? ESCAPE '\\')`);
    params.push(like, like, like, like);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db
      .prepare(`SELECT count(*) AS n FROM identities i LEFT JOIN classifications c ON c.identity_id = i.id LEFT JOIN readiness r ON r.identity_id = i.id ${whereSql}`)
      .get(...params) as { n: number }
  ).n;
  const order = `${SORT_SQL[q.sort] ?? SORT_SQL.displayName} ${q.descending ? 'DESC' : 'ASC'}, i.id`;
  const rows = db
    .prepare(`${IDENTITY_SELECT} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as Row[];
  return { total, rows: rows.map(toIdentityRow) };
}

/**
 * Every identity in a stable order, for exports; streamed, never materialised. `readiness`: user
 * objects only, worst verdict first (the MFA Readiness sheet).
 */
export function iterateIdentities(db: Db, options: { readiness?: boolean } = {}): IterableIterator<IdentityRow> {
  const sql = options.readiness
    ? `${IDENTITY_SELECT} WHERE i.kind = 'user' ORDER BY ${SORT_SQL.verdict}, coalesce(i.display_name, '') COLLATE BINARY, i.id`
    : `${IDENTITY_SELECT} ORDER BY coalesce(c.override_class, c.class), ${SORT_SQL.displayName}, i.id`;
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
