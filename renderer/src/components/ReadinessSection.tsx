import type { IdentityRow } from '../../../shared/contract/dto';
import { formatCount, formatTime } from '../format';
import { VerdictBadge } from './VerdictBadge';

const EFFECT_LABELS = { breaks: 'Will stop', blocked: 'Blocked', mfa: 'Does MFA', prompted: 'Prompted' } as const;

/** The mandatory-MFA verdict with its evidence per enforced surface, and what to do about it. */
export function ReadinessSection({ row }: { row: IdentityRow }) {
  if (!row.verdict) {
    return (
      <section className="detail-section" aria-labelledby="readiness-title">
        <h3 id="readiness-title">Mandatory MFA</h3>
        <p className="muted">Not assessed yet. Run the analysis after importing sign-in logs.</p>
      </section>
    );
  }
  const samples = row.surfaces.flatMap((s) => s.sampleRequestIds).slice(0, 3);
  return (
    <section className="detail-section" aria-labelledby="readiness-title" data-testid="readiness">
      <h3 id="readiness-title">Mandatory MFA</h3>
      <div className="verdict-line">
        <VerdictBadge value={row.verdict} />
        {row.phase != null && <span className="muted">from phase {row.phase}</span>}
      </div>
      <p className="verdict-reason">{row.verdictReason}</p>
      {row.surfaces.length > 0 && (
        <table className="compact-table surfaces">
          <caption className="visually-hidden">Sign-ins to the enforced surfaces</caption>
          <thead>
            <tr>
              <th scope="col">Surface</th>
              <th scope="col">Effect</th>
              <th scope="col" className="num">
                <abbr title="Successful single-factor sign-ins">1FA</abbr>
              </th>
              <th scope="col" className="num">
                MFA
              </th>
              <th scope="col" className="num">
                <abbr title="Failures asking for MFA">MFA fail</abbr>
              </th>
            </tr>
          </thead>
          <tbody>
            {row.surfaces.map((s) => (
              <tr key={s.surface} data-surface={s.surface} data-effect={s.effect}>
                <th scope="row" title={`Phase ${s.phase}`}>
                  {s.label}
                </th>
                <td>{EFFECT_LABELS[s.effect]}</td>
                <td className="num">{formatCount(s.singleFactor)}</td>
                <td className="num">{formatCount(s.mfa)}</td>
                <td className="num">{formatCount(s.mfaFailures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {row.surfaces.some((s) => s.lastSingleFactor || s.lastMfaFailure) && (
        <dl className="facts">
          {row.surfaces
            .filter((s) => s.lastSingleFactor)
            .map((s) => (
              <div key={`sf-${s.surface}`} className="fact">
                <dt>Last single-factor, {s.label}</dt>
                <dd>{formatTime(s.lastSingleFactor)} UTC</dd>
              </div>
            ))}
          {row.blockedSince && (
            <div className="fact">
              <dt>Blocked since</dt>
              <dd>{formatTime(row.blockedSince)} UTC</dd>
            </div>
          )}
          <div className="fact">
            <dt>Sample request IDs</dt>
            <dd className="mono selectable request-ids">
              {samples.length === 0 ? '—' : samples.map((id) => <span key={id}>{id}</span>)}
            </dd>
          </div>
        </dl>
      )}
      {row.recommendation && row.recommendation.pattern !== 'none' && (
        <div className="recommendation" data-testid="recommendation" data-pattern={row.recommendation.pattern}>
          <p className="recommendation-action">{row.recommendation.action}</p>
          <p className="muted">{row.recommendation.rationale}</p>
        </div>
      )}
    </section>
  );
}
