import { useId } from 'react';
import type { EngagementInfo } from '../../../shared/contract/dto';
import { formatCount } from '../format';
import { suggestedFileName, useExportStore, type ExportJob } from '../stores/exportStore';
import { CloseButton } from './CloseButton';
import { ProgressBar } from './ProgressBar';
import { ReviewResult } from './ReviewResult';
import { useModalDialog } from './useModalDialog';

const WHAT: Record<ExportJob['kind'], string> = { xlsx: 'Writing the workbook', json: 'Writing the report', review: 'Reading the reviewed workbook' };

/**
 * Everything that leaves or comes back into the engagement: the governance workbook and the JSON
 * report (optionally pseudonymised), and the workbook the review meeting filled in.
 */
export function ExportDialog({ engagement, onClose }: { engagement: EngagementInfo; onClose: () => void }) {
  const ref = useModalDialog(onClose);
  const id = useId();
  const s = useExportStore();
  const busy = s.job?.state === 'running';

  return (
    <dialog ref={ref} className="dialog export-dialog" aria-labelledby={`${id}-title`} data-testid="export-dialog">
      <header className="dialog-header">
        <div>
          <h2 id={`${id}-title`}>Export and review</h2>
          <p className="muted">{engagement.asOf ? `As of ${engagement.asOf}: expiry and dormancy are judged at this date.` : 'As of today: set an as-of date on the engagement to make exports reproducible.'}</p>
        </div>
        <CloseButton label="Close" onClick={() => ref.current?.close()} />
      </header>

      <div className="dialog-body export-body">
        <section aria-labelledby={`${id}-out`}>
          <h3 id={`${id}-out`}>For the review meeting</h3>
          <p className="muted">
            The governance workbook (summary with charts, identities with reviewer columns, MFA readiness, migration plan, findings, credentials, privileged access,
            ownership, sources and method) and the machine-readable JSON report.
          </p>
          <label className="check">
            <input type="checkbox" checked={s.pseudonymize} onChange={(e) => s.setPseudonymize(e.target.checked)} disabled={busy} data-testid="pseudonymize" />
            <span>Pseudonymise names, user principal names, e-mail and IP addresses (for reports that leave the engagement)</span>
          </label>
          <div className="dialog-actions start">
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void s.exportWorkbook(suggestedFileName(engagement.name, 'xlsx'))}>
              Save workbook…
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void s.exportReport(suggestedFileName(engagement.name, 'json'))}>
              Save JSON report…
            </button>
          </div>
        </section>

        <section aria-labelledby={`${id}-in`}>
          <h3 id={`${id}-in`}>After the meeting</h3>
          <p className="muted">
            Read the reviewer columns (owner, decision, due date, status, notes) of a workbook exported from this engagement back in. Rows are matched on a hidden
            identity key; a row changed both in the workbook and here since the export is reported as a conflict.
          </p>
          <label className="check">
            <input type="checkbox" checked={s.preferWorkbook} onChange={(e) => s.setPreferWorkbook(e.target.checked)} disabled={busy} />
            <span>Where both changed, take the workbook&apos;s value</span>
          </label>
          <div className="dialog-actions start">
            <button type="button" className="btn" disabled={busy} onClick={() => void s.importReviewed()}>
              Import reviewed workbook…
            </button>
          </div>
        </section>

        {s.job && (
          <section className="export-status" aria-live="polite" data-testid="export-status" data-state={s.job.state}>
            {s.job.state === 'running' && (
              <>
                <ProgressBar
                  fraction={s.job.progress && s.job.progress.fraction > 0 ? s.job.progress.fraction : null}
                  label={WHAT[s.job.kind]}
                  valueText={s.job.progress ? `${formatCount(s.job.progress.rows)} rows` : 'Starting'}
                />
                <div className="dialog-actions start">
                  <span className="muted">{WHAT[s.job.kind]}…</span>
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => void s.cancel()} disabled={s.job.jobId == null}>
                    Cancel
                  </button>
                </div>
              </>
            )}
            {s.job.state === 'done' && s.job.kind !== 'review' && (
              <p className="alert alert-success" role="status">
                Written to <span className="mono selectable">{s.job.path}</span>{' '}
                <button type="button" className="btn btn-small" onClick={() => void s.showInFolder(s.job?.path ?? '')}>
                  Show in folder
                </button>
              </p>
            )}
            {s.job.state === 'done' && s.job.review && <ReviewResult result={s.job.review} />}
            {(s.job.state === 'failed' || s.job.state === 'cancelled') && (
              <p className="alert alert-error" role="alert">
                {s.job.state === 'cancelled' ? 'Cancelled: nothing was written.' : s.job.error}
              </p>
            )}
          </section>
        )}
      </div>
    </dialog>
  );
}
