import { CloseButton } from './CloseButton';
import { useModalDialog } from './useModalDialog';
import type { Rejection } from '../../../shared/contract/dto';
import { formatCount, plural } from '../format';

/** A modal list of the rows an import refused, with their line numbers and reasons. */
export function RejectionsDialog(props: { fileName: string; rejections: Rejection[]; total: number; onClose: () => void }) {
  const ref = useModalDialog(props.onClose);

  const shown = props.rejections.length;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="rejections-title" data-testid="rejections-dialog">
      <header className="dialog-header">
        <div>
          <h2 id="rejections-title">Rejected rows</h2>
          <p className="muted mono">{props.fileName}</p>
        </div>
        <CloseButton label="Close" onClick={() => ref.current?.close()} />
      </header>
      <p className="dialog-intro">
        {plural(props.total, 'row was', 'rows were')} not imported.
        {shown < props.total && ` The first ${formatCount(shown)} are listed.`} Fix the export or re-export these rows; the rest of the
        file was imported.
      </p>
      <div className="dialog-body" role="region" aria-label="Rejected rows by line" tabIndex={0}>
        <table className="plain-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {props.rejections.map((r, i) => (
              <tr key={`${r.line}-${i}`}>
                <td className="num mono">{r.line}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </dialog>
  );
}
