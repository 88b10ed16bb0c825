import { useState } from 'react';
import type { ImportOutcome } from '../../../shared/contract/dto';
import { formatCount, plural } from '../format';
import { shownOutcomes, useImportStore, type ImportJob } from '../stores/importStore';
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

function heading(stopped: boolean, problems: boolean, notes: boolean): string {
  if (stopped) return 'Import stopped';
  if (problems) return 'Import finished with problems';
  return notes ? 'Import finished with notes' : 'Import finished';
}

/** The running import's progress, or the outcome of the last one, per file. */
export function ImportActivity({ job }: { job: ImportJob }) {
  const cancel = useImportStore((s) => s.cancel);
  const dismiss = useImportStore((s) => s.dismiss);
  const reimport = useImportStore((s) => s.reimport);
  const p = job.progress;
  const outcomes = shownOutcomes(job);
  const problems = outcomes.some((o) => o.status === 'failed' || o.rowsRejected > 0);
  // Skipped files (unsupported, already imported) and warnings (e.g. a truncated export) are worth a look too.
  const notes = outcomes.some((o) => o.error != null || o.warnings.length > 0);
  const stopped = outcomes.some((o) => o.status === 'cancelled');
  // The body keeps one height from the start of the import until the user hides it or dismisses the
  // report: the progress while running, then the per-file results (scrolling inside it), so the views
  // below never jump when the import ends. It opens by itself; "Hide files" folds it away.
  const [hidden, setHidden] = useState(false);
  const expanded = job.state === 'running' || !hidden;
  const attention = problems || notes || stopped;
  const tone = `activity activity-${job.state}${job.state === 'done' && attention ? ' activity-attention' : ''}`;
  // Why the job failed stays in view with the files folded away too.
  const failure = job.error && (
    <p className="alert alert-error" role="alert">
      {job.error}
    </p>
  );

  return (
    <section className={tone} aria-labelledby="activity-title" data-job-state={job.state} data-job-id={job.jobId}>
      <div className="activity-head">
        <div className="activity-heading">
          <h2 id="activity-title">
            {job.state === 'running' && 'Import in progress'}
            {job.state === 'done' && heading(stopped, problems, notes)}
            {job.state === 'failed' && 'Import failed'}
            {job.state === 'cancelled' && 'Import cancelled'}
          </h2>
          {job.state === 'running' && (
            <p className="activity-detail" aria-live="polite">
              <span>{p?.phase ?? 'Reading the files'}</span>
              {p?.file && (
                <>
                  <span> · </span>
                  <span className="mono">{p.file}</span>
                  {p.fileCount > 1 && <span> · file {formatCount(p.fileIndex + 1)} of {formatCount(p.fileCount)}</span>}
                </>
              )}
            </p>
          )}
          {job.state !== 'running' && <p className="activity-detail">{summarise(outcomes)}</p>}
        </div>
        <div className="activity-actions">
          {job.state === 'running' ? (
            <button type="button" className="btn btn-danger" onClick={() => void cancel()} disabled={job.cancelling}>
              {job.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : (
            <>
              <button type="button" className="btn btn-small" aria-expanded={expanded} aria-controls="import-body" onClick={() => setHidden(expanded)}>
                {expanded ? 'Hide files' : 'Show files'}
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={dismiss}>
                Dismiss
              </button>
            </>
          )}
        </div>
      </div>

      {expanded && (
        <div className="activity-body" id="import-body">
          {job.state === 'running' && (
            <div className="activity-progress">
              <ProgressBar fraction={p ? p.fraction : null} label="Import progress" />
              {/* There from the start, dashes until the first file reports: the line does not appear later. */}
              <dl className="stats-inline">
                <div>
                  <dt>Rows read in this file</dt>
                  <dd className="num">{p?.file ? formatCount(p.rows) : '—'}</dd>
                </div>
                <div>
                  <dt>Rows per second</dt>
                  <dd className="num">{p?.file && p.rowsPerSecond > 0 ? formatCount(p.rowsPerSecond) : '—'}</dd>
                </div>
                <div>
                  <dt>Done</dt>
                  <dd className="num">{p ? `${Math.round(p.fraction * 100)}%` : '—'}</dd>
                </div>
              </dl>
              {outcomes.length === 0 && <p className="muted activity-note">Each file&apos;s result shows here as soon as it is read.</p>}
            </div>
          )}
          {/* The files ended so far, while the others are read; kinds are chosen once the import has ended. */}
          {job.state === 'running' && outcomes.length > 0 && <OutcomeTable id="import-outcomes" outcomes={outcomes} />}
          {failure}
          {job.state !== 'running' && outcomes.length === 0 && !job.error && <p className="muted">No files were found to import.</p>}
          {job.state !== 'running' && outcomes.length > 0 && (
            <OutcomeTable id="import-outcomes" outcomes={outcomes} onChooseKind={(o, kind) => void reimport(o.path, kind)} />
          )}
        </div>
      )}
      {!expanded && failure}
    </section>
  );
}
