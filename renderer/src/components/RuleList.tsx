import type { RuleResult } from '../../../shared/contract/findings';
import { SEVERITIES } from '../../../shared/domain/vocabulary';
import { RULES } from '../../../shared/rules/registry';
import { formatCount } from '../format';

const ORDER = { fail: 0, skipped: 1, pass: 2 } as const;
const STATUS_LABEL = { fail: 'Findings', skipped: 'Not evaluated', pass: 'Passed' } as const;

/**
 * Every rule with its outcome: failing ones first (worst severity first), then the ones that could
 * not be evaluated with why, then the ones that passed, so "no finding" is never mistaken for "not checked".
 */
export function RuleList({ results, selected, onSelect }: { results: readonly RuleResult[] | null; selected: string | null; onSelect: (ruleId: string | null) => void }) {
  if (!results) {
    // Until the outcomes are known the order is not either: the list appears once, in its order.
    return (
      <nav className="rule-list" aria-label="Rules" aria-busy="true">
        <h2 className="section-title">Rules</h2>
        <p className="muted">Loading the rules…</p>
      </nav>
    );
  }
  const byId = new Map(results.map((r) => [r.ruleId, r]));
  const rules = [...RULES].sort((a, b) => {
    const ra = byId.get(a.meta.id);
    const rb = byId.get(b.meta.id);
    const sa = ra ? ORDER[ra.status] : 3;
    const sb = rb ? ORDER[rb.status] : 3;
    return sa - sb || SEVERITIES.indexOf(a.meta.severity) - SEVERITIES.indexOf(b.meta.severity) || a.meta.title.localeCompare(b.meta.title);
  });
  return (
    <nav className="rule-list" aria-label="Rules">
      <h2 className="section-title">Rules</h2>
      {results.length === 0 && <p className="muted">Not analysed yet: import exports to evaluate the rules.</p>}
      <ul className="stack-list">
        {rules.map((r) => {
          const res = byId.get(r.meta.id);
          return (
            <li key={r.meta.id}>
              <button
                type="button"
                className="rule-item"
                aria-pressed={selected === r.meta.id}
                data-rule={r.meta.id}
                data-status={res?.status ?? 'unknown'}
                onClick={() => onSelect(selected === r.meta.id ? null : r.meta.id)}
                title={res?.reason ?? r.meta.rationale}
              >
                <span className="badge severity" data-severity={r.meta.severity}>
                  {r.meta.severity}
                </span>
                <span className="rule-title">{r.meta.title}</span>
                <span className="rule-outcome">
                  {res ? (res.status === 'fail' ? formatCount(res.findings) : STATUS_LABEL[res.status]) : '—'}
                </span>
                {res?.status === 'skipped' && res.reason && <span className="rule-reason">{res.reason}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
