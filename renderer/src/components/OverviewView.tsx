import { useEffect, useState } from 'react';
import type { Finding } from '../../../shared/contract/dto';
import { CLASS_LABELS, IDENTITY_CLASSES, SEVERITIES, VERDICT_LABELS, VERDICTS, type IdentityClass, type Severity, type Verdict } from '../../../shared/domain/vocabulary';
import { api, messageOf, unwrap } from '../api';
import { formatCount } from '../format';
import { useCoverageStore } from '../stores/coverageStore';
import { useFindingsStore } from '../stores/findingsStore';
import { useIdentitiesStore } from '../stores/identitiesStore';
import { useSummaryStore } from '../stores/summaryStore';
import { useViewStore } from '../stores/viewStore';
import { BarList, type Bar } from './BarList';
import { EmptyView } from './EmptyView';
import { SummaryStrip } from './SummaryStrip';

const TOP_RISKS = 8;
// One empty list for every render: a selector returning a new [] each time re-renders without end.
const NO_CAVEATS: readonly never[] = [];

/** One line per identity and rule: three dangerous permissions of one app are one risk, counted. */
function distinctRisks(rows: readonly Finding[]): { finding: Finding; count: number }[] {
  const out = new Map<string, { finding: Finding; count: number }>();
  for (const f of rows) {
    const key = `${f.identityId ?? f.subject}|${f.ruleId}`;
    const hit = out.get(key);
    if (hit) hit.count++;
    else out.set(key, { finding: f, count: 1 });
  }
  return [...out.values()].slice(0, TOP_RISKS);
}

/**
 * The engagement at a glance: the figures, how mandatory MFA lands (verdicts), who is who (classes),
 * the governance findings, what the evidence cannot show, and the worst risks, each one click from its detail.
 */
export function OverviewView() {
  const summary = useSummaryStore((s) => s.summary);
  const coverageKnown = useCoverageStore((s) => s.coverage != null);
  const caveats = useCoverageStore((s) => s.coverage?.caveats ?? NO_CAVEATS);
  const showOnly = useIdentitiesStore((s) => s.showOnly);
  const setTab = useViewStore((s) => s.setTab);
  const showIdentity = useViewStore((s) => s.showIdentity);
  const showSeverity = useFindingsStore((s) => s.showSeverity);
  const [risks, setRisks] = useState<Finding[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    unwrap(api().findings_list({ limit: TOP_RISKS * 5, severities: ['critical', 'high'] })).then(
      (p) => live && setRisks(p.rows),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
  }, [summary]);

  // The top risks come in a request of their own: the view appears with them, so nothing below them moves when they arrive.
  if (!summary || (risks == null && error == null)) return <p className="muted">Loading…</p>;
  // Nothing imported: no figure, and above all no "every kind of evidence is present", would be true.
  if (summary.files === 0) {
    return (
      <EmptyView
        testId="overview-empty"
        title="Nothing imported yet"
        hint="Import the customer’s exports (sign-in logs of every kind, users, MFA registration, app registrations, service principals, role assignments): use Import files… or Import folder…, or drop them on this window. The Sources view lists what each kind of evidence is for."
        whileImporting="The figures, the readiness verdicts and the top risks appear here when the import and the analysis finish."
      />
    );
  }
  const identitiesBy = (filter: { classes?: IdentityClass[]; verdicts?: Verdict[] }): void => {
    showOnly(filter);
    setTab('identities');
  };
  const verdictBars: Bar[] = VERDICTS.filter((v) => (summary.byVerdict[v] ?? 0) > 0).map((v) => ({
    key: v,
    label: VERDICT_LABELS[v],
    value: summary.byVerdict[v] ?? 0,
    tone: v,
    onSelect: () => identitiesBy({ verdicts: [v] }),
  }));
  const classBars: Bar[] = IDENTITY_CLASSES.filter((c) => (summary.byClass[c] ?? 0) > 0).map((c) => ({
    key: c,
    label: CLASS_LABELS[c],
    value: summary.byClass[c] ?? 0,
    tone: c,
    onSelect: () => identitiesBy({ classes: [c] }),
  }));
  const severityBars: Bar[] = SEVERITIES.map((sev: Severity) => ({
    key: sev,
    label: sev.charAt(0).toUpperCase() + sev.slice(1),
    value: summary.findingsBySeverity[sev] ?? 0,
    tone: sev,
    onSelect: () => {
      showSeverity(sev);
      setTab('findings');
    },
  }));

  return (
    <div className="overview" data-testid="overview">
      <SummaryStrip />
      <div className="overview-grid">
        <BarList title="Mandatory MFA readiness" caption="identities by verdict; select one to list them" bars={verdictBars} empty="Not analysed yet." />
        <BarList title="Identities by class" caption="people, guests and machine identities" bars={classBars} empty="No identities yet." />
        <BarList title="Governance findings" caption="by severity; select one to list them" bars={severityBars} empty="No findings." />
      </div>
      <div className="overview-grid two">
        <section className="card overview-card" aria-labelledby="risks-title" data-testid="top-risks">
          <h2 id="risks-title" className="section-title">
            Top risks
          </h2>
          {error && (
            <p className="alert alert-error" role="alert">
              {error}
            </p>
          )}
          {risks && risks.length === 0 && <p className="muted">No critical or high finding.</p>}
          <ol className="stack-list risk-list">
            {distinctRisks(risks ?? []).map(({ finding: f, count }) => (
              <li key={f.id}>
                <span className="badge severity" data-severity={f.severity}>
                  {f.severity}
                </span>
                <div>
                  {f.identityId != null ? (
                    <button type="button" className="link-button" onClick={() => void showIdentity(f.identityId ?? 0)}>
                      {f.subject}
                    </button>
                  ) : (
                    <span>{f.subject}</span>
                  )}
                  <p className="muted">
                    {f.title}
                    {count > 1 && ` (${count} findings)`}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        </section>
        <section className="card overview-card" aria-labelledby="caveats-title" data-testid="caveats">
          <h2 id="caveats-title" className="section-title">
            What the evidence cannot show
          </h2>
          {!coverageKnown ? (
            <p className="muted">Checking the evidence…</p>
          ) : caveats.length === 0 ? (
            <p className="muted">Every kind of evidence the analysis uses is present.</p>
          ) : (
            <ul className="stack-list caveat-list">
              {caveats.map((c) => (
                <li key={c.code} data-severity={c.severity}>
                  {c.text}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="btn btn-small" onClick={() => setTab('sources')}>
            Sources and coverage
          </button>
        </section>
      </div>
      <p className="muted overview-note">{formatCount(summary.files)} files imported.</p>
    </div>
  );
}
