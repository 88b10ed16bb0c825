import { useState } from 'react';
import type { ImportedFile } from '../../../shared/contract/dto';
import { formatBytes, formatCount, formatTime } from '../format';
import { useSourcesStore } from '../stores/sourcesStore';
import { archiveLocation } from './archivePath';
import { CoveragePanel } from './CoveragePanel';
import { kindLabel } from './kindLabel';
import { RejectionsDialog } from './RejectionsDialog';

const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** Every file recorded in the engagement with its provenance: the evidence behind every verdict. */
export function SourcesView() {
  const files = useSourcesStore((s) => s.files);
  const loaded = useSourcesStore((s) => s.loaded);
  const error = useSourcesStore((s) => s.error);
  const [open, setOpen] = useState<ImportedFile | null>(null);

  if (error) {
    return (
      <p className="alert alert-error" role="alert">
        {error}
      </p>
    );
  }
  if (loaded && files.length === 0) {
    return (
      <div className="empty">
        <h2>No files imported yet</h2>
        <p className="muted">Use “Import files…” to add the sign-in logs and directory exports you received.</p>
      </div>
    );
  }
  return (
    <>
      <CoveragePanel />
      {/* Focusable: wider than the window at times, and scrolled with the keyboard. */}
      <div className="sources" data-testid="sources" role="region" aria-label="Imported files" tabIndex={0}>
        <table className="plain-table sources-table" aria-label="Imported files">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
              <th scope="col" className="num">
                Duplicates
              </th>
              <th scope="col">Evidence window (UTC)</th>
              <th scope="col">Format</th>
              <th scope="col">SHA-256</th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.id}>
                <td className="cell-file">
                  <span className="mono" title={f.path}>
                    {f.name}
                  </span>
                  <span className="muted cell-sub">
                    {archiveLocation(f.path) ? `${formatBytes(f.size)} in ${archiveLocation(f.path)}` : formatBytes(f.size)}
                  </span>
                  {f.warnings.map((w) => (
                    <p key={w} className="note note-warning">
                      {w}
                    </p>
                  ))}
                </td>
                <td>{kindLabel(f.kind)}</td>
                <td className="num">{formatCount(f.rowsImported)}</td>
                <td className="num">
                  {f.rowsRejected > 0 ? (
                    <button type="button" className="link-button" onClick={() => setOpen(f)} aria-label={`View ${formatCount(f.rowsRejected)} rejected rows of ${f.name}`}>
                      {formatCount(f.rowsRejected)}
                    </button>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
                <td className="num">{formatCount(f.rowsDuplicate)}</td>
                <td className="nowrap">{f.firstTime ? `${formatTime(f.firstTime)} → ${formatTime(f.lastTime)}` : <span className="muted">—</span>}</td>
                <td className="nowrap">
                  {f.encoding}, {DELIMITERS[f.delimiter] ?? f.delimiter}
                </td>
                <td className="mono" title={f.sha256}>
                  {f.sha256.slice(0, 12)}…
                </td>
                <td className="nowrap">{formatTime(f.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {open && <RejectionsDialog fileName={open.name} rejections={open.rejections} total={open.rowsRejected} onClose={() => setOpen(null)} />}
      </div>
    </>
  );
}
