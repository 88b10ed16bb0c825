import { useState } from 'react';
import type { ImportOutcome } from '../../../shared/contract/dto';
import { formatCount } from '../format';
import type { ImportKind } from '../../../shared/domain/importKinds';
import { archiveLocation } from './archivePath';
import { KindDialog } from './KindDialog';
import { kindLabel } from './kindLabel';
import { RejectionsDialog } from './RejectionsDialog';

const STATUS_LABELS: Record<ImportOutcome['status'], string> = {
  imported: 'Imported',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Files that need a look come first: failed, cancelled, skipped, then imported with rejections or warnings. */
function rank(o: ImportOutcome): number {
  if (o.status === 'failed') return 0;
  if (o.status === 'cancelled') return 1;
  if (o.status === 'skipped') return 2;
  return o.rowsRejected > 0 || o.warnings.length > 0 ? 3 : 4;
}

/** One row per input of an import: what happened to it, and why when it went wrong. */
export function OutcomeTable(props: { id: string; outcomes: ImportOutcome[]; onChooseKind?: (outcome: ImportOutcome, kind: ImportKind) => void }) {
  const { id, outcomes, onChooseKind } = props;
  const [open, setOpen] = useState<ImportOutcome | null>(null);
  const [choosing, setChoosing] = useState<ImportOutcome | null>(null);
  const sorted = outcomes.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map(({ o }) => o);
  return (
    // Focusable: it scrolls, and a keyboard must be able to scroll it even when no row has a button.
    <div className="outcomes" id={id} role="region" aria-label="Files of this import" tabIndex={0}>
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
          {sorted.map((o) => (
            <tr key={o.path} data-outcome={o.status} data-file={o.name}>
              <td>
                <span className={`status status-${o.status}`}>{STATUS_LABELS[o.status]}</span>
              </td>
              <td className="mono cell-file" title={o.path}>
                {o.name}
                {archiveLocation(o.path) && <span className="muted cell-sub">in {archiveLocation(o.path)}</span>}
              </td>
              <td>{kindLabel(o.kind)}</td>
              <td className="num">{o.status === 'imported' ? formatCount(o.rowsImported) : '—'}</td>
              <td className="num">
                {o.rowsRejected > 0 ? (
                  <button type="button" className="link-button" onClick={() => setOpen(o)} aria-label={`View ${formatCount(o.rowsRejected)} rejected rows of ${o.name}`}>
                    {formatCount(o.rowsRejected)}
                  </button>
                ) : (
                  <span className="muted">{o.status === 'imported' ? '0' : '—'}</span>
                )}
              </td>
              <td className="cell-notes">
                {o.error && <p className={o.status === 'failed' ? 'note note-error' : 'note'}>{o.error}</p>}
                {o.candidates && onChooseKind && (
                  <p className="note-action">
                    <button type="button" className="btn btn-small" onClick={() => setChoosing(o)} aria-haspopup="dialog">
                      Choose kind…
                    </button>
                  </p>
                )}
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
      {choosing && onChooseKind && (
        <KindDialog outcome={choosing} onChoose={(kind) => onChooseKind(choosing, kind)} onClose={() => setChoosing(null)} />
      )}
      {open && <RejectionsDialog fileName={open.name} rejections={open.rejections} total={open.rowsRejected} onClose={() => setOpen(null)} />}
    </div>
  );
}
