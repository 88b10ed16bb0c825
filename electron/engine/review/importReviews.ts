import { basename } from 'node:path';
import { isEmptyReview, type Review } from '../../../shared/domain/review';
import type { ReviewImportResult } from '../../../shared/domain/reviewImport';
import type { Db } from '../db/open';
import { Pseudonymizer, pseudonymKey } from '../export/pseudonymize';
import { identityKeySql } from './identityKey';
import { readReviewedRows } from './readReviewedWorkbook';
import { reviewStamp } from './stamp';
import { putReview, reviewOf } from './store';

/** Rows listed in the result are capped so a wrong workbook does not produce a 100,000-line message. */
const LIST_LIMIT = 500;

export interface ReviewImportOptions {
  /** Take the workbook's value when both sides changed (default: keep the engagement's and report it). */
  preferWorkbook: boolean;
  signal: AbortSignal;
  onProgress: (rows: number) => void;
  now: string;
}

/**
 * Reads a reviewed workbook back into the engagement. The hidden stamp says what each review was
 * when exported: a row the reviewer did not touch changes nothing, a row only the reviewer changed
 * is applied, and a row changed on both sides is a conflict. Nothing is written unless the whole
 * workbook was read, so a broken or cancelled import leaves the engagement as it was.
 */
export async function importReviews(db: Db, path: string, o: ReviewImportOptions): Promise<ReviewImportResult> {
  const current = new Map<string, Review | null>();
  const rows = db
    .prepare(
      `SELECT ${identityKeySql('i')} AS k, rv.owner AS rv_owner, rv.decision AS rv_decision, rv.due_date AS rv_due_date, rv.status AS rv_status,
              rv.notes AS rv_notes, rv.updated_at AS rv_updated_at
         FROM identities i LEFT JOIN reviews rv ON rv.identity_key = ${identityKeySql('i')}`,
    )
    .iterate() as IterableIterator<Parameters<typeof reviewOf>[0] & { k: string; rv_updated_at: string | null }>;
  for (const r of rows) current.set(r.k, r.rv_updated_at == null ? null : reviewOf(r));

  const result: ReviewImportResult = { file: basename(path), rows: 0, applied: 0, unchanged: 0, conflicts: [], unknown: [], invalid: [] };
  const writes: { key: string; review: Review }[] = [];
  const seen = new Set<string>();
  const push = <T>(list: T[], item: T): void => {
    if (list.length < LIST_LIMIT) list.push(item);
  };
  // A pseudonymised workbook carries keyed stand-ins for the keys; they are mapped back here.
  let fromPseudonym: Map<string, string> | null = null;
  const realKey = (key: string): string => {
    if (!key.startsWith('p:')) return key;
    if (!fromPseudonym) {
      const p = new Pseudonymizer(pseudonymKey(db));
      fromPseudonym = new Map([...current.keys()].map((k) => [p.identityKey(k), k]));
    }
    return fromPseudonym.get(key) ?? key;
  };
  for await (const read of readReviewedRows(path, o.signal)) {
    const r = read.key ? { ...read, key: realKey(read.key) } : read;
    result.rows++;
    if (result.rows % 1000 === 0) o.onProgress(result.rows);
    const ref = { row: r.row, key: r.key, name: r.name };
    if (!r.key) {
      if (!isEmptyReview(r.review) || r.problems.length > 0) push(result.invalid, { ...ref, problems: ['the hidden identity key of this row is empty'] });
      continue;
    }
    if (!current.has(r.key)) {
      push(result.unknown, ref);
      continue;
    }
    if (seen.has(r.key)) {
      push(result.invalid, { ...ref, problems: ['this identity appears on an earlier row too; only the first is read'] });
      continue;
    }
    seen.add(r.key);
    if (r.problems.length > 0) {
      push(result.invalid, { ...ref, problems: r.problems });
      continue;
    }
    const engagement = current.get(r.key) ?? null;
    const wb = reviewStamp(r.review);
    const now = reviewStamp(engagement);
    if (wb === now || wb === r.stamp) {
      // Same on both sides, or the reviewer left the row as exported.
      result.unchanged++;
      continue;
    }
    if (r.stamp === now || (r.stamp == null && engagement == null)) {
      writes.push({ key: r.key, review: r.review });
      continue;
    }
    push(result.conflicts, { ...ref, engagement, workbook: r.review, resolved: o.preferWorkbook ? 'took workbook' : 'kept engagement' });
    if (o.preferWorkbook) writes.push({ key: r.key, review: r.review });
  }
  const source = `workbook ${basename(path)}`;
  db.transaction(() => {
    for (const w of writes) putReview(db, w.key, w.review, source, o.now);
  })();
  result.applied = writes.length;
  o.onProgress(result.rows);
  return result;
}
