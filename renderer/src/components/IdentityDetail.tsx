import type { IdentityRow } from '../../../shared/contract/dto';
import { CLASS_LABELS, type IdentityKind } from '../../../shared/domain/vocabulary';
import { formatCount, formatPercent, formatTime } from '../format';
import { useIdentitiesStore } from '../stores/identitiesStore';
import { ClassBadge } from './ClassBadge';
import { CloseButton } from './CloseButton';
import { AccessSection } from './AccessSection';
import { ActivitySection } from './ActivitySection';
import { FindingsSection } from './FindingsSection';
import { NetworkSection } from './NetworkSection';
import { OverrideForm } from './OverrideForm';
import { ReadinessSection } from './ReadinessSection';
import { ReviewForm } from './ReviewForm';

const KIND_LABELS: Record<IdentityKind, string> = {
  user: 'User object',
  service_principal: 'Service principal',
  application: 'Application',
  unknown: 'Deleted principal (type unknown)',
};

/** The selected identity: its class with the evidence for it ("why"), its identifiers and its activity. */
export function IdentityDetail({ row }: { row: IdentityRow }) {
  const select = useIdentitiesStore((s) => s.select);
  const name = row.displayName ?? row.upn ?? row.appId ?? row.objectId ?? `#${row.id}`;
  const maxWeight = Math.max(0.01, ...row.reasons.map((r) => Math.abs(r.weight)));
  const facts: [string, string | null][] = [
    ['Kind', KIND_LABELS[row.kind]],
    ['UPN', row.upn],
    ['Object ID', row.objectId],
    ['App ID', row.appId],
    ['User type', row.userType],
    ['Account enabled', row.accountEnabled == null ? null : row.accountEnabled ? 'Yes' : 'No'],
  ];

  return (
    <aside className="detail" aria-labelledby="detail-title" data-testid="identity-detail" data-identity-id={row.id}>
      <header className="detail-header">
        <div className="detail-heading">
          <h2 id="detail-title" title={name}>
            {name}
          </h2>
          <div className="detail-class">
            <ClassBadge value={row.class} />
            {row.confidence != null && <span className="muted">{formatPercent(row.confidence)} confidence</span>}
            {row.override && <span className="muted">(reviewer override)</span>}
          </div>
        </div>
        <CloseButton label="Close details" onClick={() => select(null)} small />
      </header>

      <section className="detail-section" aria-labelledby="why-title">
        <h3 id="why-title">Why {row.class ? CLASS_LABELS[row.class].toLowerCase() : 'not classified'}</h3>
        {row.reasons.length === 0 ? (
          <p className="muted">No evidence recorded. Run the analysis after importing sign-in logs.</p>
        ) : (
          <ul className="stack-list reasons" data-testid="reasons">
            {row.reasons.map((r) => (
              <li key={r.code} className="reason" data-reason={r.code}>
                <span className="reason-text">{r.text}</span>
                <span className="reason-weight" title={`Weight ${r.weight.toFixed(2)}`}>
                  <span className="reason-meter" aria-hidden="true">
                    <span className="reason-meter-fill" style={{ width: `${Math.round((Math.abs(r.weight) / maxWeight) * 100)}%` }} />
                  </span>
                  <span className="visually-hidden">weight {r.weight.toFixed(2)}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ReadinessSection row={row} />

      <FindingsSection row={row} />

      <ActivitySection row={row} />

      <NetworkSection row={row} />

      <AccessSection row={row} />

      <section className="detail-section" aria-labelledby="activity-title-detail">
        <h3 id="activity-title-detail">Sign-in activity</h3>
        <dl className="facts">
          <dt>Sign-ins</dt>
          <dd className="num-left">{formatCount(row.signIns)}</dd>
          <dt>Interactive</dt>
          <dd className="num-left">{formatCount(row.interactiveSignIns)}</dd>
          <dt>Non-interactive</dt>
          <dd className="num-left">{formatCount(row.nonInteractiveSignIns)}</dd>
          <dt>Last seen</dt>
          <dd>{row.lastSeen ? `${formatTime(row.lastSeen)} UTC` : '—'}</dd>
        </dl>
      </section>

      <section className="detail-section" aria-labelledby="ids-title">
        <h3 id="ids-title">Directory object</h3>
        <dl className="facts">
          {facts
            .filter((f): f is [string, string] => f[1] != null && f[1] !== '')
            .map(([k, v]) => (
              <div key={k} className="fact">
                <dt>{k}</dt>
                <dd className={k.endsWith('ID') || k === 'UPN' ? 'mono selectable' : undefined}>{v}</dd>
              </div>
            ))}
        </dl>
      </section>

      <ReviewForm row={row} />

      <OverrideForm row={row} />
    </aside>
  );
}
