import { useId } from 'react';
import { IDENTITY_SOURCES, IdentitySourceSchema, type IdentitySource } from '../../../shared/contract/dto';
import { CLASS_LABELS, IDENTITY_CLASSES, SEVERITIES, VERDICTS } from '../../../shared/domain/vocabulary';
import { formatCount } from '../format';
import { hasFilters, useIdentitiesStore } from '../stores/identitiesStore';
import { useSummaryStore } from '../stores/summaryStore';
import { ColumnsMenu } from './ColumnsMenu';
import { VerdictBadge } from './VerdictBadge';
import { ViewsMenu } from './ViewsMenu';

const SOURCE_LABELS: Record<IdentitySource, string> = {
  directory: 'In the directory exports',
  sign_ins_only: 'Seen in sign-in logs only',
  role_assignments: 'Holds role assignments',
  deleted: 'Deleted principals',
};

/** Search box, source, class, readiness and finding-severity filters, the columns and the saved views. */
export function IdentityToolbar() {
  const id = useId();
  const query = useIdentitiesStore((s) => s.query);
  const total = useIdentitiesStore((s) => s.total);
  const setSearch = useIdentitiesStore((s) => s.setSearch);
  const toggleClass = useIdentitiesStore((s) => s.toggleClass);
  const clearClasses = useIdentitiesStore((s) => s.clearClasses);
  const toggleVerdict = useIdentitiesStore((s) => s.toggleVerdict);
  const toggleSeverity = useIdentitiesStore((s) => s.toggleSeverity);
  const setSource = useIdentitiesStore((s) => s.setSource);
  const clearFilters = useIdentitiesStore((s) => s.clearFilters);
  const summary = useSummaryStore((s) => s.summary);
  const byVerdict = summary?.byVerdict ?? {};
  const byClass = summary?.byClass ?? {};
  const bySeverity = summary?.identitiesBySeverity ?? {};
  const bySource = summary?.identitiesBySource ?? {};
  const present = IDENTITY_CLASSES.filter((c) => (byClass[c] ?? 0) > 0 || query.classes.includes(c));
  const severities = SEVERITIES.filter((s) => (bySeverity[s] ?? 0) > 0 || query.severities.includes(s));
  const source = query.sources[0] ?? '';

  return (
    <div className="identity-toolbar">
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
        <label htmlFor={`${id}-source`} className="visually-hidden">
          Filter by source
        </label>
        <select
          id={`${id}-source`}
          className="input source-select"
          value={source}
          data-active={source !== ''}
          onChange={(e) => {
            const parsed = IdentitySourceSchema.safeParse(e.currentTarget.value);
            setSource(parsed.success ? parsed.data : null);
          }}
        >
          <option value="">Any source</option>
          {IDENTITY_SOURCES.map((s) => (
            <option key={s} value={s}>
              {SOURCE_LABELS[s]} ({formatCount(bySource[s] ?? 0)})
            </option>
          ))}
        </select>
        {hasFilters(query) && (
          <button type="button" className="btn btn-ghost btn-small" onClick={clearFilters}>
            Clear filters
          </button>
        )}
        <div className="toolbar-end">
          <p className="toolbar-count muted" aria-live="polite" data-testid="identity-count">
            {total == null ? '' : `${formatCount(total)} shown`}
          </p>
          <ColumnsMenu />
          <ViewsMenu />
        </div>
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
      {present.length > 0 && (Object.keys(byVerdict).length > 0 || severities.length > 0) && (
        <div className="toolbar">
          <div className="chips" role="group" aria-label="Filter by readiness">
            {VERDICTS.filter((v) => (byVerdict[v] ?? 0) > 0 || query.verdicts.includes(v)).map((v) => (
              <button key={v} type="button" className="chip" data-verdict={v} aria-pressed={query.verdicts.includes(v)} onClick={() => toggleVerdict(v)}>
                <VerdictBadge value={v} />
                <span className="chip-count">{formatCount(byVerdict[v] ?? 0)}</span>
              </button>
            ))}
          </div>
          {severities.length > 0 && (
            <div className="chips chips-labelled" role="group" aria-labelledby={`${id}-severity`}>
              <span id={`${id}-severity`} className="chips-label">
                <span aria-hidden="true">Findings</span>
                <span className="visually-hidden">Filter by finding severity</span>
              </span>
              {severities.map((s) => (
                <button key={s} type="button" className="chip" data-severity={s} aria-pressed={query.severities.includes(s)} onClick={() => toggleSeverity(s)}>
                  <span className="badge severity" data-severity={s}>
                    {s}
                  </span>
                  <span className="chip-count">{formatCount(bySeverity[s] ?? 0)}</span>
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
