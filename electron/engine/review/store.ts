import { UserFacingError } from '../../../shared/contract/result';
import { isEmptyReview, ReviewSchema, type Review } from '../../../shared/domain/review';
import type { Db } from '../db/open';
import { identityKeySql } from './identityKey';

interface StoredReview {
  rv_owner: string | null;
  rv_decision: string | null;
  rv_due_date: string | null;
  rv_status: string | null;
  rv_notes: string | null;
}

/**
 * A stored review as the contract has it. Values written by an older version or edited by hand
 * that no longer fit the vocabulary are dropped rather than failing every identity query.
 */
export function reviewOf(r: StoredReview): Review {
  const parsed = ReviewSchema.safeParse({ owner: r.rv_owner, decision: r.rv_decision, dueDate: r.rv_due_date, status: r.rv_status, notes: r.rv_notes });
  if (parsed.success) return parsed.data;
  const loose = ReviewSchema.partial().safeParse({ owner: r.rv_owner, notes: r.rv_notes });
  return { owner: loose.success ? (loose.data.owner ?? null) : null, decision: null, dueDate: null, status: null, notes: loose.success ? (loose.data.notes ?? null) : null };
}

/** Trims text, turns blanks into "not recorded". */
export function normaliseReview(r: Review): Review {
  const t = (v: string | null): string | null => {
    const s = v?.trim() ?? '';
    return s.length === 0 ? null : s;
  };
  return { owner: t(r.owner), decision: r.decision, dueDate: r.dueDate, status: r.status, notes: t(r.notes) };
}

export function keyOfIdentity(db: Db, identityId: number): string {
  const key = db.prepare(`SELECT ${identityKeySql('')} FROM identities WHERE id = ?`).pluck().get(identityId) as string | undefined;
  if (key === undefined) throw new UserFacingError(`There is no identity ${identityId} in this engagement.`, 'IDENTITY_NOT_FOUND');
  return key;
}

export function reviewByKey(db: Db, key: string): Review | null {
  const row = db
    .prepare(`SELECT owner AS rv_owner, decision AS rv_decision, due_date AS rv_due_date, status AS rv_status, notes AS rv_notes FROM reviews WHERE identity_key = ?`)
    .get(key) as StoredReview | undefined;
  return row ? reviewOf(row) : null;
}

/**
 * Records (or, when every field is empty, removes) the review of the identity with this key.
 * `source` says where it came from ("app", or the reviewed workbook's file name) for the audit trail.
 */
export function putReview(db: Db, key: string, review: Review, source: string, now: string): void {
  const r = normaliseReview(ReviewSchema.parse(review));
  if (isEmptyReview(r)) {
    db.prepare(`DELETE FROM reviews WHERE identity_key = ?`).run(key);
    return;
  }
  db.prepare(
    `INSERT INTO reviews (identity_key, owner, decision, due_date, status, notes, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (identity_key) DO UPDATE SET owner = excluded.owner, decision = excluded.decision, due_date = excluded.due_date,
       status = excluded.status, notes = excluded.notes, source = excluded.source, updated_at = excluded.updated_at`,
  ).run(key, r.owner, r.decision, r.dueDate, r.status, r.notes, source, now);
}
