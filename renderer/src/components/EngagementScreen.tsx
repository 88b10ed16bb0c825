import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngagementInfo } from '../../../shared/contract/dto';
import { useEngagementStore } from '../stores/engagementStore';
import { selectCurrentJob, useImportStore } from '../stores/importStore';
import { useSourcesStore } from '../stores/sourcesStore';
import { useSummaryStore } from '../stores/summaryStore';
import { useUiStore } from '../stores/uiStore';
import { useViewStore } from '../stores/viewStore';
import { DropZone } from './DropZone';
import { ExportDialog } from './ExportDialog';
import { focusLost } from './focus';
import { FindingsView } from './FindingsView';
import { IdentitiesView } from './IdentitiesView';
import { ImportActivity } from './ImportActivity';
import { Logo } from './Logo';
import { OverviewView } from './OverviewView';
import { ReadinessView } from './ReadinessView';
import { SettingsView } from './SettingsView';
import { SourcesView } from './SourcesView';
import { panelId, tabId, ViewTabs } from './ViewTabs';

/** An open engagement: header with actions, the import activity, and the identities / sources views. */
export function EngagementScreen({ engagement }: { engagement: EngagementInfo }) {
  const tab = useViewStore((s) => s.tab);
  const setTab = useViewStore((s) => s.setTab);
  const viewError = useViewStore((s) => s.error);
  const findingsTotal = useSummaryStore((s) => (s.summary ? Object.values(s.summary.findingsBySeverity).reduce((a, b) => a + b, 0) : undefined));
  const [exporting, setExporting] = useState(false);
  // The menu's Export… opens the same dialog; a request left over must not outlive this engagement.
  const exportRequested = useUiStore((s) => s.exportRequested);
  const clearExportRequest = useUiStore((s) => s.clearExportRequest);
  useEffect(() => clearExportRequest, [clearExportRequest]);
  const closeEngagement = useEngagementStore((s) => s.close);
  const busy = useEngagementStore((s) => s.busy);
  const error = useEngagementStore((s) => s.error);
  const job = useImportStore(selectCurrentJob);
  const starting = useImportStore((s) => s.starting);
  const startError = useImportStore((s) => s.startError);
  const chooseAndStart = useImportStore((s) => s.chooseAndStart);
  const identities = useSummaryStore((s) => s.summary?.identities);
  const files = useSourcesStore((s) => s.files.length);
  const running = job?.state === 'running';
  const startImport = useImportStore((s) => s.start);
  const dropped = useCallback((paths: string[]) => void startImport(paths), [startImport]);
  const panel = useRef<HTMLDivElement>(null);
  const shown = useRef(tab);
  useEffect(() => {
    if (shown.current === tab) return;
    shown.current = tab;
    // The control that switched the view was in the view left behind (an overview bar, a finding's
    // subject): the focus goes to the view now shown rather than back to the top of the window.
    if (focusLost()) panel.current?.focus({ preventScroll: true });
  }, [tab]);

  const meta = [engagement.customer !== engagement.name ? engagement.customer : '', engagement.tenant, engagement.auditor && `Auditor: ${engagement.auditor}`, engagement.asOf && `As of ${engagement.asOf}`].filter(
    (m): m is string => typeof m === 'string' && m !== '',
  );

  return (
    <div className="shell" data-screen="engagement">
      <header className="topbar">
        <div className="topbar-title">
          <Logo size={24} />
          <div className="topbar-names">
            <h1 className="engagement-name">{engagement.name || 'Untitled engagement'}</h1>
            <p className="engagement-meta" title={engagement.path}>
              {meta.length > 0 ? meta.join(' · ') : engagement.path}
            </p>
          </div>
        </div>
        <div className="topbar-actions">
          <button type="button" className="btn btn-primary" onClick={() => void chooseAndStart({ directories: false })} disabled={running || starting}>
            Import files…
          </button>
          <button type="button" className="btn" onClick={() => void chooseAndStart({ directories: true })} disabled={running || starting}>
            Import folder…
          </button>
          <button type="button" className="btn" onClick={() => setExporting(true)} disabled={running}>
            Export…
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => void closeEngagement()} disabled={busy != null}>
            Close
          </button>
        </div>
      </header>

      {/* The main landmark: what the import did, the views and the view shown; the header above is the banner. */}
      <main className="shell-main">
        {(startError || (error && error.action !== 'create')) && (
          <div className="banner">
            <p className="alert alert-error" role="alert">
              {startError ?? error?.message}
            </p>
          </div>
        )}

        {job && <ImportActivity key={job.jobId} job={job} />}

        <ViewTabs current={tab} counts={{ identities, findings: findingsTotal, sources: files }} onSelect={setTab} />

        <div ref={panel} className="content" id={panelId(tab)} role="tabpanel" aria-labelledby={tabId(tab)} tabIndex={-1}>
          {viewError && (
            <p className="alert alert-error" role="alert">
              {viewError}
            </p>
          )}
          {tab === 'overview' && <OverviewView />}
          {tab === 'identities' && <IdentitiesView />}
          {tab === 'readiness' && <ReadinessView />}
          {tab === 'findings' && <FindingsView />}
          {tab === 'sources' && <SourcesView />}
          {tab === 'settings' && <SettingsView />}
        </div>
      </main>

      <DropZone disabled={running || starting} onPaths={dropped} />

      {(exporting || exportRequested) && (
        <ExportDialog
          engagement={engagement}
          onClose={() => {
            setExporting(false);
            clearExportRequest();
          }}
        />
      )}
    </div>
  );
}
