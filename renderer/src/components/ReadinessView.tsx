import { useEffect, useState } from 'react';
import type { IdentityRow, Surface } from '../../../shared/contract/dto';
import { CLASS_LABELS, VERDICT_LABELS, VERDICTS, type Verdict } from '../../../shared/domain/vocabulary';
import { api, messageOf, unwrap } from '../api';
import { formatCount, formatTime } from '../format';
import { useIdentitiesStore } from '../stores/identitiesStore';
import { useSummaryStore } from '../stores/summaryStore';
import { useViewStore } from '../stores/viewStore';
import { VerdictBadge } from './VerdictBadge';

const SURFACES: { id: Surface['surface']; label: string }[] = [
  { id: 'portal', label: 'Portal (phase 1)' },
  { id: 'cli', label: 'Azure CLI' },
  { id: 'powershell', label: 'PowerShell' },
  { id: 'mobile', label: 'Mobile app' },
  { id: 'arm_other', label: 'Other ARM' },
];
const EFFECT = { breaks: 'Will stop', blocked: 'Blocked', mfa: 'MFA', prompted: 'Prompted' } as const;
/** Groups shown, worst first; identities never judged or out of scope are on the Identities view. */
const GROUPS: Verdict[] = VERDICTS.filter((v) => v !== 'not_in_scope');
const PER_GROUP = 200;

function SurfaceCell({ s }: { s: Surface | undefined }) {
  if (!s) return <td className="surface-cell muted">—</td>;
  const n = s.effect === 'blocked' ? s.mfaFailures : s.effect === 'breaks' ? s.singleFactor : s.effect === 'mfa' ? s.mfa : s.mfaFailures + s.otherFailures;
  return (
    <td className="surface-cell" data-effect={s.effect} title={`${s.label}: ${EFFECT[s.effect]} (${formatCount(n)} sign-ins)`}>
      <span className="effect" data-effect={s.effect}>
        {EFFECT[s.effect]}
      </span>{' '}
      <span className="muted">{formatCount(n)}</span>
    </td>
  );
}

function Group({ verdict, count }: { verdict: Verdict; count: number }) {
  const [rows, setRows] = useState<IdentityRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const showIdentity = useViewStore((s) => s.showIdentity);
  const setTab = useViewStore((s) => s.setTab);
  const showOnly = useIdentitiesStore((s) => s.showOnly);
  const [open, setOpen] = useState(verdict === 'blocked' || verdict === 'will_break' || verdict === 'at_risk' || verdict === 'cannot_assess');

  useEffect(() => {
    if (!open || rows) return;
    let live = true;
    unwrap(api().identities_list({ verdicts: [verdict], limit: PER_GROUP, sort: 'signIns', descending: true })).then(
      (p) => live && setRows(p.rows),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [open, rows, verdict]);

  return (
    <details className="readiness-group card" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-verdict={verdict}>
      <summary>
        <VerdictBadge value={verdict} /> <span className="group-count">{formatCount(count)}</span>
      </summary>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {rows && (
        <table className="compact-table readiness-table">
          <caption className="visually-hidden">{VERDICT_LABELS[verdict]} identities by enforced surface</caption>
          <thead>
            <tr>
              <th scope="col">Identity</th>
              <th scope="col">Class</th>
              {SURFACES.map((s) => (
                <th key={s.id} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">Blocked since</th>
              <th scope="col">Recommendation</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-identity-id={r.id}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => void showIdentity(r.id)}>
                    {r.displayName ?? r.upn ?? r.appId ?? `#${r.id}`}
                  </button>
                </th>
                <td>{r.class ? CLASS_LABELS[r.class] : '—'}</td>
                {SURFACES.map((s) => (
                  <SurfaceCell key={s.id} s={r.surfaces.find((x) => x.surface === s.id)} />
                ))}
                <td>{r.blockedSince ? formatTime(r.blockedSince, false) : ''}</td>
                <td className="muted">{r.recommendation?.action ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {count > PER_GROUP && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            showOnly({ verdicts: [verdict] });
            setTab('identities');
          }}
        >
          All {formatCount(count)} on the Identities view
        </button>
      )}
    </details>
  );
}

// One empty object for every render: a selector returning a new {} each time re-renders without end.
const NONE: Readonly<Record<string, number>> = {};

/** Mandatory MFA, identity by enforced surface, grouped by verdict with the worst first. */
export function ReadinessView() {
  const byVerdict = useSummaryStore((s) => s.summary?.byVerdict ?? NONE);
  const groups = GROUPS.filter((v) => (byVerdict[v] ?? 0) > 0);
  return (
    <div className="readiness-view" data-testid="readiness-view">
      <h2 className="visually-hidden">Mandatory MFA readiness by surface</h2>
      <p className="muted">
        User accounts by what mandatory MFA does to them on each enforced surface: the Azure portal from phase 1; Azure CLI, PowerShell, the mobile app and other
        clients of Azure Resource Manager from phase 2. Workload identities (service principals, managed identities) are out of scope.
      </p>
      {groups.length === 0 && <p className="muted">Not analysed yet: import sign-in logs.</p>}
      {groups.map((v) => (
        <Group key={v} verdict={v} count={byVerdict[v] ?? 0} />
      ))}
    </div>
  );
}
