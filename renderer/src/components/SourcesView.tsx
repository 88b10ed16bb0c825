import { useState } from 'react';
import type { ImportedFile } from '../../../shared/contract/dto';
import { formatBytes, formatCount, formatTime } from '../format';
import { useSourcesStore } from '../stores/sourcesStore';
import { relabelledKind } from '../../../shared/domain/importKinds';
import { AnalysisChangesPanel } from './AnalysisChangesPanel';
import { archiveLocation } from './archivePath';
import { CoveragePanel } from './CoveragePanel';
import { kindLabel } from './kindLabel';
import { ProgressBar } from './ProgressBar';
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
      <KindChangeStatus />
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
                <td>
                  {kindLabel(f.kind)}
                  <KindChangeButton file={f} />
                </td>
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

/** The kind's name without its format: "Non-interactive sign-ins (portal CSV)" -> "non-interactive sign-ins". */
function shortKind(kind: string): string {
  const label = kindLabel(kind);
  const cut = label.indexOf(' (');
  return (cut > 0 ? label.slice(0, cut) : label).toLowerCase();
}

/**
 * For a file the detector told apart by its name only (portal interactive vs non-interactive
 * sign-ins): record it as the other kind, when its name said the wrong thing.
 */
function KindChangeButton({ file }: { file: ImportedFile }) {
  const changeKind = useSourcesStore((s) => s.changeKind);
  const busy = useSourcesStore((s) => s.change?.state === 'running');
  const other = relabelledKind(file.kind);
  if (!other) return null;
  return (
    <button
      type="button"
      className="link-button cell-sub"
      disabled={busy}
      onClick={() => void changeKind(file, other)}
      aria-label={`Record as ${shortKind(other)}: ${file.name}`}
      title="Told apart from its name only: the columns of both kinds are the same. Re-analyses the engagement."
    >
      Record as {shortKind(other)}
    </button>
  );
}

/** The re-analysis after a kind change, then what it changed, where the change was asked for. */
function KindChangeStatus() {
  const change = useSourcesStore((s) => s.change);
  if (!change) return null;
  return (
    <div className="kind-change" data-testid="kind-change" data-state={change.state}>
      {change.state === 'running' && (
        <ProgressBar fraction={change.progress?.fraction ?? null} label="Re-analysis" valueText={change.progress?.phase ?? `Recording ${change.name} as ${shortKind(change.kind)}`} />
      )}
      {change.state === 'failed' && (
        <p className="alert alert-error" role="alert">
          {change.error}
        </p>
      )}
      {change.state === 'done' && (
        <>
          <p className="muted" role="status">
            {change.name} is now recorded as {shortKind(change.kind)}; the engagement was re-analysed.
          </p>
          {change.changes && <AnalysisChangesPanel changes={change.changes} />}
        </>
      )}
    </div>
  );
}
