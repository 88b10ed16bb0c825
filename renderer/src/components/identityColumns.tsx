import type { CSSProperties, ReactNode } from 'react';
import type { IdentityRow } from '../../../shared/contract/dto';
import { IDENTITY_COLUMNS, type IdentityColumn } from '../../../shared/contract/views';
import { formatCount, formatPercent, formatTime } from '../format';
import type { SortKey } from '../stores/identitiesStore';
import { ClassBadge } from './ClassBadge';
import { VerdictBadge } from './VerdictBadge';

export interface ColumnDef {
  id: IdentityColumn | 'name';
  label: string;
  /** The full name, when the label is abbreviated; also the name in the Columns menu. */
  title?: string;
  sort?: SortKey;
  numeric?: boolean;
  /** The column's grid track (`Npx` or `minmax(Npx, …)`), and the narrower one while the detail panel is open. */
  width: string;
  narrowWidth?: string;
  /** Shown in the detail panel, so left out of the table while the panel is open. */
  inDetail?: boolean;
  className?: string;
  cell(row: IdentityRow): ReactNode;
  /** The full text on hover, where the cell may be cut off. */
  tooltip?(row: IdentityRow): string | undefined;
}

const dash = <span className="muted">—</span>;

export const NAME_COLUMN: ColumnDef = {
  id: 'name',
  label: 'Display name',
  sort: 'displayName',
  // Wider than the other columns' minimum: it is what a row is recognised by when many are shown.
  width: 'minmax(180px, 1.4fr)',
  narrowWidth: 'minmax(150px, 1fr)',
 
  className: 'cell-name',
  // In a span: the sticky cell lays out as a flex box, where only an element can be cut off with an ellipsis.
  cell: (row) => <span className="cell-text">{nameOf(row)}</span>,
  tooltip: (row) => nameOf(row),
};

function nameOf(row: IdentityRow): string {
  return row.displayName ?? row.upn ?? row.appId ?? row.objectId ?? `#${row.id}`;
}

/** The optional columns, in the table's order (IDENTITY_COLUMNS). */
export const OPTIONAL_COLUMNS: Record<IdentityColumn, ColumnDef> = {
  id: {
    id: 'id',
    label: 'UPN / App ID',
    width: 'minmax(160px, 1.6fr)',
    narrowWidth: 'minmax(120px, 1fr)',
    className: 'mono cell-id',
    cell: (row) => row.upn ?? row.appId ?? dash,
    tooltip: (row) => row.upn ?? row.appId ?? undefined,
  },
  class: {
    id: 'class',
    label: 'Class',
    sort: 'class',
    width: '152px',
    cell: (row) => (
      <>
        <ClassBadge value={row.class} />
        {row.override && (
          <span className="override-mark" title={`Reviewer override: ${row.override.reason}`} aria-label="reviewer override">
            ✎
          </span>
        )}
      </>
    ),
  },
  verdict: { id: 'verdict', label: 'MFA readiness', sort: 'verdict', width: '120px', cell: (row) => <VerdictBadge value={row.verdict} /> },
  confidence: {
    id: 'confidence',
    label: 'Confidence',
    sort: 'confidence',
    numeric: true,
    width: '108px',
    inDetail: true,
    cell: (row) => formatPercent(row.confidence),
  },
  signIns: { id: 'signIns', label: 'Sign-ins', sort: 'signIns', numeric: true, width: '84px', cell: (row) => formatCount(row.signIns) },
  split: {
    id: 'split',
    label: 'Int. / non-int.',
    title: 'Interactive / non-interactive sign-ins',
    numeric: true,
    width: '148px',
    inDetail: true,
    // A workload identity's sign-ins are neither: "0 / 0" beside its sign-in count would read as none.
    cell: (row) => (row.interactiveSignIns + row.nonInteractiveSignIns > 0 ? `${formatCount(row.interactiveSignIns)} / ${formatCount(row.nonInteractiveSignIns)}` : dash),
    tooltip: (row) =>
      row.interactiveSignIns + row.nonInteractiveSignIns === 0 && row.signIns > 0 ? 'No user sign-ins: its sign-ins are service principal or managed identity sign-ins' : undefined,
  },
  lastSeen: { id: 'lastSeen', label: 'Last seen (UTC)', sort: 'lastSeen', width: '152px', cell: (row) => formatTime(row.lastSeen) },
  findingCount: { id: 'findingCount', label: 'Findings', numeric: true, width: '84px', cell: (row) => (row.findingCount > 0 ? formatCount(row.findingCount) : dash) },
  worstSeverity: {
    id: 'worstSeverity',
    label: 'Worst finding',
    title: 'Worst finding severity',
    sort: 'findings',
    width: '124px',
    cell: (row) =>
      row.worstSeverity ? (
        <span className="badge severity" data-severity={row.worstSeverity}>
          {row.worstSeverity}
        </span>
      ) : (
        dash
      ),
  },
  review: {
    id: 'review',
    label: 'Review',
    title: 'Review decision and status',
    width: 'minmax(180px, 1fr)',
    // The status first: it is short, and the decision may be cut off.
    cell: (row) =>
      row.review && (row.review.decision || row.review.status) ? (
        <>
          {row.review.status && (
            <span className="badge review-status" data-status={row.review.status}>
              {row.review.status}
            </span>
          )}
          {row.review.decision ?? <span className="muted">No decision</span>}
        </>
      ) : (
        dash
      ),
    tooltip: (row) => {
      const r = row.review;
      if (!r) return undefined;
      const parts = [r.decision ?? 'No decision', r.status, r.owner && `owner ${r.owner}`, r.dueDate && `due ${r.dueDate}`];
      return parts.filter(Boolean).join(' · ');
    },
  },
};

/** The columns to draw: the name, then the chosen ones; with the detail panel open, not those it shows. */
export function visibleColumns(chosen: readonly IdentityColumn[], detailOpen: boolean): ColumnDef[] {
  const optional = IDENTITY_COLUMNS.filter((c) => chosen.includes(c)).map((c) => OPTIONAL_COLUMNS[c]);
  return [NAME_COLUMN, ...optional.filter((c) => !(detailOpen && c.inDetail))];
}

/**
 * The grid's template and smallest width as CSS custom properties: header and rows lay out on the
 * same template, so they stay aligned whatever the columns.
 */
export function gridStyle(columns: readonly ColumnDef[], detailOpen: boolean): CSSProperties {
  const tracks = columns.map((c) => (detailOpen ? (c.narrowWidth ?? c.width) : c.width));
  // Past the sum of the tracks' smallest widths, the table scrolls sideways instead of squeezing.
  const min = tracks.reduce((sum, t) => sum + Number(/^(?:minmax\()?(\d+)px/u.exec(t)?.[1] ?? 0), 0);
  return { '--grid-columns': tracks.join(' '), '--grid-min-width': `${min}px` } as CSSProperties;
}
