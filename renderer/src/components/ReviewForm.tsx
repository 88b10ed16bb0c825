import { useEffect, useId, useState, type FormEvent } from 'react';
import type { IdentityRow } from '../../../shared/contract/dto';
import { EMPTY_REVIEW, REVIEW_DECISIONS, REVIEW_LIMITS, REVIEW_STATUSES, type Review, type ReviewDecision, type ReviewStatus } from '../../../shared/domain/review';
import { messageOf } from '../api';
import { useIdentitiesStore } from '../stores/identitiesStore';

/**
 * The review meeting's decision for this identity: who owns the follow-up, what was decided, by
 * when, and where it stands. The same fields are the workbook's reviewer columns, so a decision
 * made here is in the next export and one made in the workbook comes back here.
 */
export function ReviewForm({ row }: { row: IdentityRow }) {
  const review = useIdentitiesStore((s) => s.review);
  const [draft, setDraft] = useState<Review>(row.review ?? EMPTY_REVIEW);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();

  useEffect(() => {
    setDraft(row.review ?? EMPTY_REVIEW);
    setError(null);
  }, [row.id, row.review]);

  const update = (patch: Partial<Review>): void => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };
  const onSubmit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await review(row.id, draft);
      setSaved(true);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby={`${id}-title`} data-testid="review">
      <h3 id={`${id}-title`}>Review decision</h3>
      <form className="review-form" onSubmit={(e) => void onSubmit(e)}>
        <label htmlFor={`${id}-owner`}>Owner</label>
        <input id={`${id}-owner`} type="text" value={draft.owner ?? ''} maxLength={REVIEW_LIMITS.owner} disabled={busy} onChange={(e) => update({ owner: e.target.value || null })} />
        <label htmlFor={`${id}-decision`}>Decision</label>
        <select id={`${id}-decision`} value={draft.decision ?? ''} disabled={busy} onChange={(e) => update({ decision: (e.target.value || null) as ReviewDecision | null })}>
          <option value="">Not decided</option>
          {REVIEW_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-due`}>Due date</label>
        <input id={`${id}-due`} type="date" value={draft.dueDate ?? ''} disabled={busy} onChange={(e) => update({ dueDate: e.target.value || null })} />
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} value={draft.status ?? ''} disabled={busy} onChange={(e) => update({ status: (e.target.value || null) as ReviewStatus | null })}>
          <option value="">Not set</option>
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-notes`}>Notes</label>
        <textarea id={`${id}-notes`} rows={2} value={draft.notes ?? ''} maxLength={REVIEW_LIMITS.notes} disabled={busy} onChange={(e) => update({ notes: e.target.value || null })} />
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <div className="override-actions">
          <button type="submit" className="btn btn-small" disabled={busy}>
            Save review
          </button>
          {saved && (
            <span className="muted" role="status" data-testid="review-saved">
              Saved
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
