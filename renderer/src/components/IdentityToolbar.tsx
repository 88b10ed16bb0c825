import { useId } from 'react';
import { CLASS_LABELS, IDENTITY_CLASSES, VERDICTS } from '../../../shared/domain/vocabulary';
import { formatCount } from '../format';
import { useIdentitiesStore } from '../stores/identitiesStore';
import { useSummaryStore } from '../stores/summaryStore';
import { VerdictBadge } from './VerdictBadge';

/** Search box, class and readiness filters; each chip shows its count from the summary. */
export function IdentityToolbar() {
  const id = useId();
  const query = useIdentitiesStore((s) => s.query);
  const total = useIdentitiesStore((s) => s.total);
  const setSearch = useIdentitiesStore((s) => s.setSearch);
  const toggleClass = useIdentitiesStore((s) => s.toggleClass);
  const clearClasses = useIdentitiesStore((s) => s.clearClasses);
  const toggleVerdict = useIdentitiesStore((s) => s.toggleVerdict);
  const byVerdict = useSummaryStore((s) => s.summary?.byVerdict) ?? {};
  const counts = useSummaryStore((s) => s.summary?.byClass);
  const byClass = counts ?? {};
  const present = IDENTITY_CLASSES.filter((c) => (byClass[c] ?? 0) > 0 || query.classes.includes(c));

  return (
    <div className="toolbar">
      <div className="search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search identities
        </label>
        <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M7 2.5a4.5 4.5 0 1 0 2.8 8l3 3 .9-.9-3-3A4.5 4.5 0 0 0 7 2.5Zm0 1.3a3.2 3.2 0 1 1 0 6.4 3.2 3.2 0 0 1 0-6.4Z" />
        </svg>
        <input
          id={`${id}-search`}
          className="input search-input"
          type="search"
          placeholder="Search name, UPN, object or app ID"
          value={query.search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <div className="chips" role="group" aria-label="Filter by class">
        <button type="button" className="chip" aria-pressed={query.classes.length === 0} onClick={clearClasses}>
          All
        </button>
        {present.map((c) => (
          <button key={c} type="button" className="chip" data-class={c} aria-pressed={query.classes.includes(c)} onClick={() => toggleClass(c)}>
            <span className="chip-swatch" aria-hidden="true" />
            {CLASS_LABELS[c]}
            <span className="chip-count">{formatCount(byClass[c] ?? 0)}</span>
          </button>
        ))}
      </div>
      {present.length > 0 && Object.keys(byVerdict).length > 0 && (
        <div className="chips" role="group" aria-label="Filter by readiness">
          {VERDICTS.filter((v) => (byVerdict[v] ?? 0) > 0 || query.verdicts.includes(v)).map((v) => (
            <button key={v} type="button" className="chip" data-verdict={v} aria-pressed={query.verdicts.includes(v)} onClick={() => toggleVerdict(v)}>
              <VerdictBadge value={v} />
              <span className="chip-count">{formatCount(byVerdict[v] ?? 0)}</span>
            </button>
          ))}
        </div>
      )}
      <p className="toolbar-count muted" aria-live="polite" data-testid="identity-count">
        {total == null ? '' : `${formatCount(total)} shown`}
      </p>
    </div>
  );
}
