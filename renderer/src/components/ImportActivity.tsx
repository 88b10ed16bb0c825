import type { ImportOutcome } from '../../../shared/contract/dto';
import { formatCount, plural } from '../format';
import { useImportStore, type ImportJob } from '../stores/importStore';
import { OutcomeTable } from './OutcomeTable';
import { ProgressBar } from './ProgressBar';

function summarise(outcomes: ImportOutcome[]): string {
  const count = (s: ImportOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const rejected = outcomes.reduce((n, o) => n + o.rowsRejected, 0);
  const rows = outcomes.reduce((n, o) => n + o.rowsImported, 0);
  const parts = [`${plural(count('imported'), 'file')} imported (${plural(rows, 'row')})`];
  if (count('skipped') > 0) parts.push(`${formatCount(count('skipped'))} skipped`);
  if (count('failed') > 0) parts.push(`${formatCount(count('failed'))} failed`);
  if (count('cancelled') > 0) parts.push(`${formatCount(count('cancelled'))} cancelled`);
  if (rejected > 0) parts.push(plural(rejected, 'row') + ' rejected');
  return parts.join(' · ');
}

/** The running import's progress, or the outcome of the last one, per file. */
export function ImportActivity({ job }: { job: ImportJob }) {
  const cancel = useImportStore((s) => s.cancel);
  const dismiss = useImportStore((s) => s.dismiss);
  const p = job.progress;
  const problems = job.outcomes.some((o) => o.status === 'failed' || o.rowsRejected > 0 || o.warnings.length > 0);
  const stopped = job.outcomes.some((o) => o.status === 'cancelled');

  return (
    <section className={`activity activity-${job.state}`} aria-labelledby="activity-title" data-job-state={job.state} data-job-id={job.jobId}>
      <div className="activity-head">
        <div className="activity-heading">
          <h2 id="activity-title">
            {job.state === 'running' && (p?.phase ?? 'Starting import')}
            {job.state === 'done' && (stopped ? 'Import stopped' : problems ? 'Import finished with problems' : 'Import finished')}
            {job.state === 'failed' && 'Import failed'}
            {job.state === 'cancelled' && 'Import cancelled'}
          </h2>
          {job.state === 'running' && (
            <p className="activity-detail" aria-live="polite">
              {p?.file ? (
                <>
                  <span className="mono">{p.file}</span>
                  {p.fileCount > 0 && <span className="muted"> · file {formatCount(p.fileIndex + 1)} of {formatCount(p.fileCount)}</span>}
                </>
              ) : (
                <span className="muted">{p ? 'Working…' : 'Reading the files…'}</span>
              )}
            </p>
          )}
          {job.state === 'done' && <p className="activity-detail">{summarise(job.outcomes)}</p>}
        </div>
        <div className="activity-actions">
          {job.state === 'running' ? (
            <button type="button" className="btn btn-danger" onClick={() => void cancel()} disabled={job.cancelling}>
              {job.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : (
            <button type="button" className="btn btn-ghost btn-small" onClick={dismiss}>
              Dismiss
            </button>
          )}
        </div>
      </div>

      {job.state === 'running' && (
        <div className="activity-progress">
          <ProgressBar fraction={p ? p.fraction : null} label="Import progress" />
          <dl className="stats-inline">
            <div>
              <dt>Rows read</dt>
              <dd className="num">{p ? formatCount(p.rows) : '—'}</dd>
            </div>
            <div>
              <dt>Rows per second</dt>
              <dd className="num">{p && p.rowsPerSecond > 0 ? formatCount(p.rowsPerSecond) : '—'}</dd>
            </div>
            <div>
              <dt>Done</dt>
              <dd className="num">{p ? `${Math.round(p.fraction * 100)}%` : '—'}</dd>
            </div>
          </dl>
        </div>
      )}

      {job.error && (
        <p className="alert alert-error" role="alert">
          {job.error}
        </p>
      )}
      {job.state === 'done' && job.outcomes.length === 0 && <p className="muted">No files were found to import.</p>}
      {job.state === 'done' && job.outcomes.length > 0 && <OutcomeTable outcomes={job.outcomes} />}
    </section>
  );
}
