import { useState } from 'react';
import type { ImportOutcome } from '../../../shared/contract/dto';
import { formatCount } from '../format';
import { kindLabel } from './kindLabel';
import { RejectionsDialog } from './RejectionsDialog';

const STATUS_LABELS: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** One row per input of an import: what happened to it, and why when it went wrong. */
export function OutcomeTable({ outcomes }: { outcomes: ImportOutcome[] }) {
  const [open, setOpen] = useState<ImportOutcome | null>(null);
  return (
    <div className="outcomes">
      <table className="plain-table" aria-label="Import results per file">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">File</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Rejected
            </th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.map((o) => (
            <tr key={o.path} data-outcome={o.status} data-file={o.name}>
              <td>
                <span className={`status status-${o.status}`}>{STATUS_LABELS[o.status]}</span>
              </td>
              <td className="mono cell-file" title={o.path}>
                {o.name}
              </td>
              <td>{kindLabel(o.kind)}</td>
              <td className="num">{o.status === 'imported' ? formatCount(o.rowsImported) : '—'}</td>
              <td className="num">
                {o.rowsRejected > 0 ? (
                  <button type="button" className="link-button" onClick={() => setOpen(o)} aria-label={`View ${formatCount(o.rowsRejected)} rejected rows of ${o.name}`}>
                    {formatCount(o.rowsRejected)}
                  </button>
                ) : (
                  <span className="muted">0</span>
                )}
              </td>
              <td className="cell-notes">
                {o.error && <p className="note note-error">{o.error}</p>}
                {o.rowsDuplicate > 0 && <p className="note">{formatCount(o.rowsDuplicate)} rows already imported from another file</p>}
                {o.warnings.map((w) => (
                  <p key={w} className="note note-warning">
                    {w}
                  </p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <RejectionsDialog fileName={open.name} rejections={open.rejections} total={open.rowsRejected} onClose={() => setOpen(null)} />}
    </div>
  );
}
