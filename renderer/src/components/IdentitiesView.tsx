import { useEffect, useRef } from 'react';
import { useIdentitiesStore } from '../stores/identitiesStore';
import { useSummaryStore } from '../stores/summaryStore';
import { EmptyView } from './EmptyView';
import { focusLost } from './focus';
import { IdentityDetail } from './IdentityDetail';
import { IdentityTable } from './IdentityTable';
import { IdentityToolbar } from './IdentityToolbar';
import { SummaryStrip } from './SummaryStrip';

/** Inventory: counts, filters, the virtualised table and the selected identity's evidence. */
export function IdentitiesView() {
  const summary = useSummaryStore((s) => s.summary);
  const summaryError = useSummaryStore((s) => s.error);
  const selected = useIdentitiesStore((s) => s.selected);
  const root = useRef<HTMLDivElement>(null);
  const hadDetail = useRef(false);
  useEffect(() => {
    // The detail closed from inside (its ✕): the focus goes back to the table's current row.
    if (hadDetail.current && !selected && focusLost()) root.current?.querySelector<HTMLElement>('[role="grid"] [role="row"][tabindex="0"]')?.focus();
    hadDetail.current = selected != null;
  }, [selected]);

  if (summaryError) {
    return (
      <p className="alert alert-error" role="alert">
        {summaryError}
      </p>
    );
  }
  if (summary && summary.identities === 0) {
    return (
      <EmptyView
        testId="identities-empty"
        title="No identities yet"
        hint="Import sign-in logs (interactive, non-interactive, service principal, managed identity) and the users export to build the inventory."
        whileImporting="Identities appear here when the import and the analysis finish."
      />
    );
  }
  return (
    <div key="identities" ref={root} className="identities">
      {/* For moving by headings: the view's own, above the menus' and the selected identity's. */}
      <h2 className="visually-hidden">Identities</h2>
      <SummaryStrip />
      <IdentityToolbar />
      <div className={selected ? 'identities-body with-detail' : 'identities-body'}>
        <IdentityTable />
        {selected && <IdentityDetail row={selected} />}
      </div>
    </div>
  );
}
