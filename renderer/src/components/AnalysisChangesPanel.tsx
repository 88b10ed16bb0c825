import type { AnalysisChanges } from '../../../shared/contract/settings';
import { CLASS_LABELS, VERDICT_LABELS } from '../../../shared/domain/vocabulary';
import { RULES } from '../../../shared/rules/registry';
import { formatCount } from '../format';
import { useViewStore } from '../stores/viewStore';

const TITLES = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));

/** What the last re-analysis changed: identities whose class or verdict moved, and findings by rule. */
export function AnalysisChangesPanel({ changes }: { changes: AnalysisChanges }) {
  const showIdentity = useViewStore((s) => s.showIdentity);
  const nothing = changes.classChangeCount === 0 && changes.verdictChangeCount === 0 && changes.byRule.length === 0;
  return (
    <section className="card changes" aria-labelledby="changes-title" data-testid="analysis-changes" role="status">
      <h3 id="changes-title">What changed</h3>
      {nothing ? (
        <p>Nothing: every class, verdict and finding is as before.</p>
      ) : (
        <p>
          <strong data-testid="class-changes">{formatCount(changes.classChangeCount)}</strong> identities changed class,{' '}
          <strong>{formatCount(changes.verdictChangeCount)}</strong> changed readiness verdict; findings {formatCount(changes.findingsBefore)} →{' '}
          <strong data-testid="findings-after">{formatCount(changes.findingsAfter)}</strong>.
        </p>
      )}
      <div className="changes-columns">
        {changes.classChanges.length > 0 && (
          <ul className="row-list" aria-label="Class changes">
            {changes.classChanges.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" onClick={() => void showIdentity(c.id)}>
                  {c.name}
                </button>
                : {c.from ? CLASS_LABELS[c.from] : 'not classified'} → {c.to ? CLASS_LABELS[c.to] : 'not classified'}
              </li>
            ))}
          </ul>
        )}
        {changes.verdictChanges.length > 0 && (
          <ul className="row-list" aria-label="Readiness changes">
            {changes.verdictChanges.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" onClick={() => void showIdentity(c.id)}>
                  {c.name}
                </button>
                : {c.from ? VERDICT_LABELS[c.from] : 'not judged'} → {c.to ? VERDICT_LABELS[c.to] : 'not judged'}
              </li>
            ))}
          </ul>
        )}
        {changes.byRule.length > 0 && (
          // Focusable: the list scrolls and holds no control the focus could scroll to.
          <ul className="row-list" aria-label="Findings by rule" data-testid="rule-changes" tabIndex={0}>
            {changes.byRule.map((r) => (
              <li key={r.ruleId} data-rule={r.ruleId}>
                {TITLES.get(r.ruleId) ?? r.ruleId}: {formatCount(r.before)} → {formatCount(r.after)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
