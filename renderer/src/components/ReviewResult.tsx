import type { Review } from '../../../shared/domain/review';
import type { ReviewImportResult } from '../../../shared/domain/reviewImport';
import { formatCount } from '../format';

const brief = (r: Review | null): string => (r ? [r.owner, r.decision, r.dueDate, r.status].filter(Boolean).join(' · ') || 'notes only' : 'nothing');

/** What reading a reviewed workbook did, with every row that needs a look. */
export function ReviewResult({ result }: { result: ReviewImportResult }) {
  return (
    <div className="review-result" data-testid="review-result">
      <p role="status">
        <strong>{result.file}</strong>: {formatCount(result.rows)} rows read, <strong data-testid="review-applied">{formatCount(result.applied)}</strong> reviews
        applied, {formatCount(result.unchanged)} unchanged.
      </p>
      {result.conflicts.length > 0 && (
        <details open>
          <summary>
            {formatCount(result.conflicts.length)} conflicts: changed in the workbook and in the engagement since the export
          </summary>
          <ul className="row-list" aria-label="Conflicts" data-testid="review-conflicts" tabIndex={0}>
            {result.conflicts.map((c) => (
              <li key={`${c.row}`}>
                Row {c.row} {c.name}: the engagement has “{brief(c.engagement)}”, the workbook “{brief(c.workbook)}”; {c.resolved}.
              </li>
            ))}
          </ul>
        </details>
      )}
      {result.unknown.length > 0 && (
        <details>
          <summary>{formatCount(result.unknown.length)} rows of identities not in this engagement</summary>
          <ul className="row-list" aria-label="Rows of identities not in this engagement" tabIndex={0}>
            {result.unknown.map((u) => (
              <li key={`${u.row}`}>
                Row {u.row} {u.name || u.key}
              </li>
            ))}
          </ul>
        </details>
      )}
      {result.invalid.length > 0 && (
        <details open>
          <summary>{formatCount(result.invalid.length)} rows not applied</summary>
          <ul className="row-list" aria-label="Rows not applied" data-testid="review-invalid" tabIndex={0}>
            {result.invalid.map((r) => (
              <li key={`${r.row}`}>
                Row {r.row} {r.name}: {r.problems.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
