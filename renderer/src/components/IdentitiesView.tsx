import { useIdentitiesStore } from '../stores/identitiesStore';
import { selectCurrentJob, useImportStore } from '../stores/importStore';
import { useSummaryStore } from '../stores/summaryStore';
import { IdentityDetail } from './IdentityDetail';
import { IdentityTable } from './IdentityTable';
import { IdentityToolbar } from './IdentityToolbar';
import { SummaryStrip } from './SummaryStrip';

/** Inventory: counts, filters, the virtualised table and the selected identity's evidence. */
export function IdentitiesView() {
  const summary = useSummaryStore((s) => s.summary);
  const summaryError = useSummaryStore((s) => s.error);
  const selected = useIdentitiesStore((s) => s.selected);
  const running = useImportStore((s) => selectCurrentJob(s)?.state === 'running');

  if (summaryError) {
    return (
      <p className="alert alert-error" role="alert">
        {summaryError}
      </p>
    );
  }
  if (summary && summary.identities === 0) {
    return (
      <div className="empty" data-testid="identities-empty">
        <h2>{running ? 'Importing…' : 'No identities yet'}</h2>
        <p className="muted">
          {running
            ? 'Identities appear here when the import and the analysis finish.'
            : 'Import sign-in logs (interactive, non-interactive, service principal, managed identity) and the users export to build the inventory.'}
        </p>
      </div>
    );
  }
  return (
    <div className="identities">
      <SummaryStrip />
      <IdentityToolbar />
      <div className={selected ? 'identities-body with-detail' : 'identities-body'}>
        <IdentityTable />
        {selected && <IdentityDetail row={selected} />}
      </div>
    </div>
  );
}
