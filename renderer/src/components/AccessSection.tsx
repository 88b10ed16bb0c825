import type { ActivityCredential, ActivityOwner, ActivityRole, IdentityActivity } from '../../../shared/contract/activity';
import type { IdentityRow } from '../../../shared/contract/dto';
import { formatTime } from '../format';
import { useIdentityActivity } from '../stores/activityStore';
import { DetailSection } from './DetailSection';

const TYPE_LABELS: Record<ActivityCredential['type'], string> = { password: 'Client secret', certificate: 'Certificate', federated: 'Federated credential' };
const STATUS_LABELS: Record<ActivityCredential['status'], string> = { expired: 'Expired', expiring: 'Expiring', valid: 'Valid', no_expiry: 'No expiry' };
const SEEN_LABELS: Record<ActivityCredential['seenInUse'], string> = { yes: 'Seen in use', no: 'Not seen in use', unknown: 'Use unknown' };
const PROBLEM_LABELS: Record<NonNullable<ActivityOwner['problem']>, string> = { deleted: 'Deleted', disabled: 'Disabled', guest: 'Guest' };

/** What it holds and who answers for it: credentials, role assignments, owners. */
export function AccessSection({ row }: { row: IdentityRow }) {
  const workload = row.kind !== 'user';
  return (
    <DetailSection
      title={workload ? 'Credentials, roles and owners' : 'Role assignments'}
      what={workload ? 'the credentials, roles and owners' : 'the role assignments'}
      view={useIdentityActivity(row)}
      testId="access"
      className="access-section"
      reserve={{ className: 'reserved-access' }}
    >
      {(data) => (
        <>
          {workload && <Credentials data={data} />}
          <Roles roles={data.roles} titled={workload} />
          {workload && <Owners data={data} />}
        </>
      )}
    </DetailSection>
  );
}

function Credentials({ data }: { data: IdentityActivity }) {
  return (
    <div className="access-group" data-testid="credentials">
      <h4 className="chart-title">Credentials</h4>
      {data.credentials.length === 0 ? (
        <p className="muted">No secret, certificate or federated credential in the exports.</p>
      ) : (
        <ul className="stack-list access-list">
          {data.credentials.map((c) => (
            <li key={c.id} className="access-item" data-credential-status={c.status} data-seen={c.seenInUse}>
              <div className="access-line">
                <span className="badge cred-status" data-status={c.status}>
                  {STATUS_LABELS[c.status]}
                </span>
                <span className="access-name">
                  {TYPE_LABELS[c.type]}
                  {c.displayName ? ` “${c.displayName}”` : ''}
                </span>
              </div>
              {c.keyId && (
                <div className="access-meta">
                  Key ID <span className="mono selectable">{c.keyId}</span>
                </div>
              )}
              {c.type === 'federated' ? (
                <div className="access-meta">
                  Trusts <span className="mono selectable">{c.subject ?? '—'}</span>
                  {c.issuer ? ` from ${c.issuer}` : ''}
                </div>
              ) : (
                <div className="access-meta">
                  {formatTime(c.start, false)} → {c.end ? formatTime(c.end, false) : 'no end date'}
                </div>
              )}
              <div className="access-meta" title={c.seenWhy} data-testid="seen">
                <span className="seen" data-seen={c.seenInUse}>
                  {SEEN_LABELS[c.seenInUse]}
                </span>
                <span className="muted"> · {c.seenWhy}</span>
              </div>
              {c.issues.length > 0 && <div className="access-issues">{c.issues.join(' · ')}</div>}
            </li>
          ))}
        </ul>
      )}
      <p className="muted access-note">Statuses as of {data.asOf}.</p>
    </div>
  );
}

function Roles({ roles, titled }: { roles: ActivityRole[]; titled: boolean }) {
  return (
    <div className="access-group" data-testid="roles">
      {titled && <h4 className="chart-title">Role assignments</h4>}
      {roles.length === 0 ? (
        <p className="muted">No Azure or Entra role assignment in the exports.</p>
      ) : (
        <ul className="stack-list access-list">
          {roles.map((r) => (
            <li key={r.id} className="access-item" data-privileged={r.privileged} data-state={r.state}>
              <div className="access-line">
                <span className="access-name">{r.role}</span>
                {r.privileged && <span className="badge privileged">Privileged</span>}
                <span className="badge role-state" data-state={r.state}>
                  {r.state === 'active' ? 'Active' : 'Eligible'}
                </span>
              </div>
              <div className="access-meta">
                {r.system === 'azure' ? 'Azure RBAC' : 'Entra ID'}
                {r.scopeLevel ? ` · ${r.scopeLevel}` : ''}
                {r.end ? ` · until ${formatTime(r.end, false)}` : ''}
              </div>
              <div className="access-meta mono selectable scope">{r.scope}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Owners({ data }: { data: IdentityActivity }) {
  const none: Record<IdentityActivity['ownersEvidence'], string> = {
    known: 'No owners: nobody answers for this application.',
    not_imported: 'Owner data was not imported (export applications and service principals with $expand=owners).',
    not_applicable: 'Entra ID gives this kind of identity no owners.',
  };
  return (
    <div className="access-group" data-testid="owners" data-evidence={data.ownersEvidence}>
      <h4 className="chart-title">Owners</h4>
      {data.owners.length === 0 ? (
        <p className={data.ownersEvidence === 'known' ? 'access-issues' : 'muted'}>{none[data.ownersEvidence]}</p>
      ) : (
        <ul className="stack-list access-list">
          {data.owners.map((o) => (
            <li key={o.objectId} className="access-item" data-owner={o.objectId}>
              <div className="access-line">
                <span className="access-name">{o.displayName ?? o.upn ?? o.objectId}</span>
                {o.problem && (
                  <span className="badge owner-problem" data-problem={o.problem}>
                    {PROBLEM_LABELS[o.problem]}
                  </span>
                )}
              </div>
              {(o.upn || o.type) && (
                <div className="access-meta">
                  {[o.upn && <span key="upn" className="mono selectable">{o.upn}</span>, o.type].filter(Boolean).map((part, i) => (
                    <span key={i}>
                      {i > 0 ? ' · ' : ''}
                      {part}
                    </span>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
