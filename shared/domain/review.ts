import { z } from 'zod';

/**
 * What a reviewer records for an identity in the review meeting. The words are the drop-down
 * values of the workbook's reviewer columns, so they stay short and free of commas (Excel's list
 * validation separates values with commas).
 */
export const REVIEW_DECISIONS = ['Keep', 'Remediate', 'Migrate to workload identity', 'Decommission', 'Accept risk', 'Investigate'] as const;
export const REVIEW_STATUSES = ['Open', 'In progress', 'Blocked', 'Done'] as const;

export const ReviewDecisionSchema = z.enum(REVIEW_DECISIONS);
export const ReviewStatusSchema = z.enum(REVIEW_STATUSES);
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

export const REVIEW_LIMITS = { owner: 200, notes: 4000 } as const;

export const ReviewSchema = z.object({
  owner: z.string().max(REVIEW_LIMITS.owner).nullable(),
  decision: ReviewDecisionSchema.nullable(),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected a date as YYYY-MM-DD').nullable(),
  status: ReviewStatusSchema.nullable(),
  notes: z.string().max(REVIEW_LIMITS.notes).nullable(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const EMPTY_REVIEW: Review = { owner: null, decision: null, dueDate: null, status: null, notes: null };

/** True when nothing has been recorded. */
export function isEmptyReview(r: Review): boolean {
  return r.owner == null && r.decision == null && r.dueDate == null && r.status == null && r.notes == null;
}

/** The reviewer columns of the workbook, in order; the round trip finds them by these headers. */
export const REVIEW_HEADERS = { owner: 'Review owner', decision: 'Decision', dueDate: 'Due date', status: 'Status', notes: 'Review notes' } as const;
/** Hidden columns that make the round trip safe: which identity a row is, and what the review said when exported. */
export const REVIEW_KEY_HEADER = 'Identity key';
export const REVIEW_STAMP_HEADER = 'Review stamp';
