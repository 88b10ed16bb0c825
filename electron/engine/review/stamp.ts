import { createHash } from 'node:crypto';
import { EMPTY_REVIEW, type Review } from '../../../shared/domain/review';
import { normaliseReview } from './store';

/**
 * A short fingerprint of a review, written in the workbook's hidden stamp column. On the way back it
 * tells the three cases apart: the reviewer changed nothing (workbook = stamp), only the workbook
 * changed (engagement = stamp: apply), or both changed since the export (a conflict to report).
 */
export function reviewStamp(review: Review | null): string {
  const r = normaliseReview(review ?? EMPTY_REVIEW);
  return createHash('sha256')
    .update(JSON.stringify([r.owner, r.decision, r.dueDate, r.status, r.notes]))
    .digest('hex')
    .slice(0, 16);
}
