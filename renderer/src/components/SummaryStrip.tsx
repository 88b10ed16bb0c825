import { formatCount, formatTime } from '../format';
import { useSummaryStore } from '../stores/summaryStore';

/** The engagement's headline numbers and the evidence window they rest on. */
export function SummaryStrip() {
  const summary = useSummaryStore((s) => s.summary);
  if (!summary) return null;
  const machine = ['service_account', 'service_principal', 'managed_identity', 'sync_account']
    .map((c) => summary.byClass[c] ?? 0)
    .reduce((a, b) => a + b, 0);
  const serviceAccounts = summary.byClass.service_account ?? 0;
  return (
    <dl className="summary" aria-label="Engagement summary" data-testid="summary">
      <div className="summary-item">
        <dt>Identities</dt>
        <dd className="num">{formatCount(summary.identities)}</dd>
      </div>
      <div className="summary-item">
        <dt>Machine identities</dt>
        <dd className="num">{formatCount(machine)}</dd>
      </div>
      <div className="summary-item summary-highlight">
        <dt>Service accounts</dt>
        <dd className="num">{formatCount(serviceAccounts)}</dd>
      </div>
      <div className="summary-item">
        <dt>Sign-ins</dt>
        <dd className="num">{formatCount(summary.signIns)}</dd>
      </div>
      <div className="summary-item summary-wide">
        <dt>Evidence window (UTC)</dt>
        <dd>{summary.firstSignIn ? `${formatTime(summary.firstSignIn, false)} → ${formatTime(summary.lastSignIn, false)}` : '—'}</dd>
      </div>
    </dl>
  );
}
