import { useEffect, useId, useState, type FormEvent } from 'react';
import type { IdentityRow } from '../../../shared/contract/dto';
import { CLASS_LABELS, IDENTITY_CLASSES, type IdentityClass } from '../../../shared/domain/vocabulary';
import { messageOf } from '../api';
import { useIdentitiesStore } from '../stores/identitiesStore';

/** The reviewer's say: a class with the reason for it, kept through re-analysis, or cleared. */
export function OverrideForm({ row }: { row: IdentityRow }) {
  const override = useIdentitiesStore((s) => s.override);
  const [cls, setCls] = useState<IdentityClass>(row.override?.class ?? row.computedClass ?? 'unknown');
  const [reason, setReason] = useState(row.override?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    setCls(row.override?.class ?? row.computedClass ?? 'unknown');
    setReason(row.override?.reason ?? '');
    setError(null);
  }, [row.id, row.override, row.computedClass]);

  const run = async (next: IdentityClass | null, why: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await override(row.id, next, why);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void run(cls, reason);
  };

  return (
    <section className="detail-section" aria-labelledby={`${id}-title`} data-testid="override">
      <h3 id={`${id}-title`}>Reviewer</h3>
      {row.override && (
        <p className="override-note" data-testid="override-note">
          Class set by a reviewer to <strong>{CLASS_LABELS[row.override.class]}</strong>
          {row.computedClass && <> (computed: {CLASS_LABELS[row.computedClass]})</>}: {row.override.reason}
        </p>
      )}
      <form className="override-form" onSubmit={onSubmit}>
        <label htmlFor={`${id}-class`}>Class</label>
        <select id={`${id}-class`} value={cls} onChange={(e) => setCls(e.target.value as IdentityClass)} disabled={busy}>
          {IDENTITY_CLASSES.map((c) => (
            <option key={c} value={c}>
              {CLASS_LABELS[c]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} disabled={busy} maxLength={1000} />
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        <div className="override-actions">
          <button type="submit" className="btn btn-small" disabled={busy}>
            {row.override ? 'Update override' : 'Override class'}
          </button>
          {row.override && (
            <button type="button" className="btn btn-ghost btn-small" disabled={busy} onClick={() => void run(null, '')}>
              Use computed class
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
