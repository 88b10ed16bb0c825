import { useEffect, useId } from 'react';
import { SEVERITIES } from '../../../shared/domain/vocabulary';
import { FRAMEWORKS, RULES } from '../../../shared/rules/registry';
import { formatCount } from '../format';
import { useFindingsStore } from '../stores/findingsStore';
import { useSummaryStore } from '../stores/summaryStore';
import { useViewStore } from '../stores/viewStore';
import { RuleList } from './RuleList';

// One empty object for every render: a selector returning a new {} each time re-renders without end.
const NONE: Readonly<Record<string, number>> = {};
const META = new Map(RULES.map((r) => [r.meta.id, r.meta]));

/** Governance findings by rule, severity and framework, each with its subject one click from the identity. */
export function FindingsView() {
  const s = useFindingsStore();
  const bySeverity = useSummaryStore((x) => x.summary?.findingsBySeverity ?? NONE);
  const showIdentity = useViewStore((x) => x.showIdentity);
  const id = useId();

  useEffect(() => {
    if (s.status === 'idle') void s.load();
  }, [s]);

  const rule = s.filter.ruleId ? META.get(s.filter.ruleId) : undefined;
  return (
    <div className="findings-view" data-testid="findings-view">
      <RuleList results={s.resultsLoaded ? s.results : null} selected={s.filter.ruleId} onSelect={(r) => s.setRule(r)} />
      <section className="findings-main" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="visually-hidden">
          Findings
        </h2>
        <div className="toolbar findings-toolbar">
          <input
            type="search"
            className="input findings-search"
            aria-label="Search findings"
            placeholder="Search subject or evidence"
            value={s.filter.search}
            onChange={(e) => s.setSearch(e.target.value)}
          />
          <div className="chips" role="group" aria-label="Filter by severity">
            {SEVERITIES.map((sev) => (
              <button key={sev} type="button" className="chip" aria-pressed={s.filter.severities.includes(sev)} onClick={() => s.toggleSeverity(sev)}>
                <span className="badge severity" data-severity={sev}>
                  {sev}
                </span>
                <span className="chip-count">{formatCount(bySeverity[sev] ?? 0)}</span>
              </button>
            ))}
          </div>
          <label className="framework-filter">
            <span className="visually-hidden">Framework requirement</span>
            <select className="input" value={s.filter.requirement ?? ''} onChange={(e) => s.setRequirement(e.target.value || null)} aria-label="Framework requirement">
              <option value="">All framework requirements</option>
              {FRAMEWORKS.map((f) => (
                <optgroup key={f.id} label={f.name}>
                  {f.requirements.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.id} {q.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
        </div>
        {rule && (
          <div className="rule-card" data-testid="rule-card">
            <h3>{rule.title}</h3>
            <p>{rule.rationale}</p>
            <p>
              <strong>What to do:</strong> {rule.remediation}
            </p>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => s.setRule(null)}>
              Show every rule&apos;s findings
            </button>
          </div>
        )}
        {s.error && (
          <p className="alert alert-error" role="alert">
            {s.error}
          </p>
        )}
        <p className="muted" aria-live="polite" data-testid="findings-total" data-state={s.status}>
          {s.total == null ? 'Loading findings…' : `${formatCount(s.total)} finding${s.total === 1 ? '' : 's'}`}
        </p>
        <ul className="stack-list findings finding-list" data-testid="finding-list">
          {s.rows.map((f) => (
            <li key={f.id} className="finding" data-rule={f.ruleId} data-severity={f.severity}>
              <span className="badge severity" data-severity={f.severity}>
                {f.severity}
              </span>
              <div>
                <p className="finding-title">
                  {f.identityId != null ? (
                    <button type="button" className="link-button" onClick={() => void showIdentity(f.identityId ?? 0)} title="Open this identity">
                      {f.subject}
                    </button>
                  ) : (
                    f.subject
                  )}
                  <span className="muted"> · {f.title}</span>
                </p>
                <p className="finding-evidence">{f.evidence}</p>
                <p className="muted finding-refs">{[...f.frameworks['owasp-nhi-2025'], ...f.frameworks['nist-csf-2'], ...f.frameworks['nist-sp-800-207']].join(' · ')}</p>
              </div>
            </li>
          ))}
        </ul>
        {s.total != null && s.rows.length < s.total && (
          <button type="button" className="btn" onClick={() => void s.more()} disabled={s.status === 'loading'}>
            Show more ({formatCount(s.total - s.rows.length)} left)
          </button>
        )}
      </section>
    </div>
  );
}
