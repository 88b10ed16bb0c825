import { useCallback, useEffect, useState } from 'react';
import type { EngagementInfo } from '../../../shared/contract/dto';
import { useEngagementStore } from '../stores/engagementStore';
import { selectCurrentJob, useImportStore } from '../stores/importStore';
import { useSourcesStore } from '../stores/sourcesStore';
import { useSummaryStore } from '../stores/summaryStore';
import { useUiStore } from '../stores/uiStore';
import { TABS, useViewStore, type Tab } from '../stores/viewStore';
import { formatCount } from '../format';
import { DropZone } from './DropZone';
import { ExportDialog } from './ExportDialog';
import { FindingsView } from './FindingsView';
import { IdentitiesView } from './IdentitiesView';
import { ImportActivity } from './ImportActivity';
import { Logo } from './Logo';
import { OverviewView } from './OverviewView';
import { ReadinessView } from './ReadinessView';
import { SettingsView } from './SettingsView';
import { SourcesView } from './SourcesView';


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

      {(startError || (error && error.action !== 'create')) && (
        <div className="banner">
          <p className="alert alert-error" role="alert">
            {startError ?? error?.message}
          </p>
        </div>
      )}

      {job && <ImportActivity key={job.jobId} job={job} />}

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

      <div className="tabs" role="tablist" aria-label="Engagement views">
        <TabButton id="overview" current={tab} onSelect={setTab} label="Overview" count={undefined} />
        <TabButton id="identities" current={tab} onSelect={setTab} label="Identities" count={identities} />
        <TabButton id="readiness" current={tab} onSelect={setTab} label="Readiness" count={undefined} />
        <TabButton id="findings" current={tab} onSelect={setTab} label="Findings" count={findingsTotal} />
        <TabButton id="sources" current={tab} onSelect={setTab} label="Sources" count={files} />
        <TabButton id="settings" current={tab} onSelect={setTab} label="Settings" count={undefined} />
      </div>

      <main className="content" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
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
      </main>
    </div>
  );
}

function TabButton(props: { id: Tab; current: Tab; label: string; count: number | undefined; onSelect: (t: Tab) => void }) {
  const selected = props.id === props.current;
  return (
    <button
      type="button"
      role="tab"
      id={`tab-${props.id}`}
      aria-selected={selected}
      aria-controls={`panel-${props.id}`}
      tabIndex={selected ? 0 : -1}
      className="tab"
      onClick={() => props.onSelect(props.id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const at = TABS.indexOf(props.id);
          const next: Tab = TABS[(at + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length] ?? props.id;
          props.onSelect(next);
          document.getElementById(`tab-${next}`)?.focus();
        }
      }}
    >
      {props.label}
      {props.count != null && <span className="tab-count">{formatCount(props.count)}</span>}
    </button>
  );
}
