import type { CategoryCoverage, Coverage, DayRange } from '../../../shared/contract/coverage';
import { formatCount, plural } from '../format';
import { useCoverageStore } from '../stores/coverageStore';

const range = (r: DayRange): string => (r.from === r.to ? r.from : `${r.from} → ${r.to}`);

function Presence({ present, label }: { present: boolean; label?: string }) {
  return <span className={`presence ${present ? 'presence-yes' : 'presence-no'}`}>{label ?? (present ? 'Present' : 'Missing')}</span>;
}

function CategoryRow({ c }: { c: CategoryCoverage }) {
  const empty = c.present && c.ranges.length === 0;
  return (
    <tr data-category={c.category} data-present={c.present}>
      <th scope="row">{c.label}</th>
      <td>
        <Presence present={c.present && !empty} label={empty ? 'No events' : undefined} />
      </td>
      <td className="nowrap">{c.ranges.length > 0 ? c.ranges.map(range).join(', ') : <span className="muted">—</span>}</td>
      <td className="num">{c.present ? formatCount(c.rows) : <span className="muted">—</span>}</td>
      <td>{c.gaps.length > 0 ? <span className="note note-warning">{c.gaps.map(range).join(', ')}</span> : <span className="muted">—</span>}</td>
    </tr>
  );
}

function Body({ coverage }: { coverage: Coverage }) {
  const warnings = coverage.caveats.filter((c) => c.severity === 'warning');
  const notes = coverage.caveats.filter((c) => c.severity === 'info');
  return (
    <>
      <div className="coverage-grid">
        <div className="coverage-block">
          <h3>Sign-in logs</h3>
          <table className="plain-table coverage-table" aria-label="Sign-in log coverage">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Status</th>
                <th scope="col">Days covered (UTC)</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col">Gaps</th>
              </tr>
            </thead>
            <tbody>
              {coverage.categories.map((c) => (
                <CategoryRow key={c.category} c={c} />
              ))}
            </tbody>
          </table>
        </div>
        <div className="coverage-block">
          <h3>Directory data</h3>
          <ul className="coverage-entities" aria-label="Directory data coverage">
            {coverage.entities.map((e) => (
              <li key={e.entity} data-entity={e.entity} data-present={e.present} title={e.present ? undefined : `Without it, ${e.without}.`}>
                <Presence present={e.present} />
                <span className="coverage-entity-name">{e.label}</span>
                {e.present && <span className="muted">{plural(e.rows, 'row')}</span>}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {coverage.truncatedFiles.length > 0 && (
        <div className="coverage-block" data-testid="truncated-files">
          <h3>Files that look truncated</h3>
          <ul className="coverage-list">
            {coverage.truncatedFiles.map((t) => (
              <li key={t.path}>
                <span className="mono" title={t.path}>
                  {t.name}
                </span>{' '}
                <span className="muted">({plural(t.rows, 'row')})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {coverage.caveats.length > 0 && (
        <div className="coverage-block">
          <h3>What this means for the verdicts</h3>
          <ul className="coverage-caveats" aria-label="Coverage caveats">
            {[...warnings, ...notes].map((c) => (
              <li key={`${c.code}-${c.text}`} data-caveat={c.code} className={c.severity === 'warning' ? 'caveat caveat-warning' : 'caveat'}>
                {c.text}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

/** Which evidence the engagement holds and what is missing: the reason behind every "cannot assess". */
export function CoveragePanel() {
  const coverage = useCoverageStore((s) => s.coverage);
  const error = useCoverageStore((s) => s.error);
  if (error) {
    return (
      <p className="alert alert-error" role="alert">
        {error}
      </p>
    );
  }
  if (!coverage) return null;
  const missing = coverage.categories.filter((c) => !c.present).length + coverage.entities.filter((e) => !e.present).length;
  return (
    <section className="coverage" aria-labelledby="coverage-title" data-testid="coverage">
      <header className="coverage-head">
        <h2 id="coverage-title">Evidence coverage</h2>
        <p className="muted">
          What the verdicts rest on{missing > 0 ? `, and ${plural(missing, 'kind')} of evidence that ${missing === 1 ? 'is' : 'are'} missing` : ''}.
        </p>
      </header>
      <Body coverage={coverage} />
    </section>
  );
}
