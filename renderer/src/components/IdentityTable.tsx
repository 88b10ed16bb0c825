import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { IdentityRow } from '../../../shared/contract/dto';
import { rowAt, useIdentitiesStore, type SortKey } from '../stores/identitiesStore';
import { gridStyle, visibleColumns, type ColumnDef } from './identityColumns';

const ROW_HEIGHT = 36;

/** The identities as a virtualised grid: only the visible rows exist in the DOM, pages load as they scroll in. */
export function IdentityTable() {
  const total = useIdentitiesStore((s) => s.total);
  const pages = useIdentitiesStore((s) => s.pages);
  const status = useIdentitiesStore((s) => s.status);
  const error = useIdentitiesStore((s) => s.error);
  const query = useIdentitiesStore((s) => s.query);
  const selected = useIdentitiesStore((s) => s.selected);
  const ensureRange = useIdentitiesStore((s) => s.ensureRange);
  const select = useIdentitiesStore((s) => s.select);
  const sortBy = useIdentitiesStore((s) => s.sortBy);
  const chosen = useIdentitiesStore((s) => s.columns);
  const detailOpen = selected != null;
  const columns = useMemo(() => visibleColumns(chosen, detailOpen), [chosen, detailOpen]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // One stable handler: rows are memoised, so a scroll re-renders only rows that moved in or changed.
  const onSelectRow = useCallback(
    (index: number, r: IdentityRow) => {
      setActive(index);
      select(r);
    },
    [select],
  );
  /** Set by keyboard moves: select and focus the active row once its page has loaded and it is rendered. */
  const [follow, setFollow] = useState(false);
  const count = total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  // A fling (a scrollbar drag) moves more than a screen between frames: every row would be new, and
  // styling a screenful of new rows each frame is what made a fling judder. While it lasts no row is
  // drawn: the canvas paints row skeletons as its background, and pages are fetched once it slows.
  // Two such moves in a row make a fling: a single jump (End, a click on the track, a row scrolled
  // into view) draws its rows at once, so what is clicked right after it is there.
  // Decided when the offset moves, and kept through renders that do not move it (a page arriving).
  const fling = useRef({ offset: 0, bigMoves: 0, active: false });
  const offset = virtualizer.scrollOffset ?? 0;
  if (!virtualizer.isScrolling) fling.current = { offset, bigMoves: 0, active: false };
  else if (offset !== fling.current.offset) {
    const big = Math.abs(offset - fling.current.offset) > (scrollRef.current?.clientHeight ?? 600);
    const bigMoves = big ? fling.current.bigMoves + 1 : 0;
    fling.current = { offset, bigMoves, active: bigMoves >= 2 };
  }
  const flinging = fling.current.active;
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (!flinging) ensureRange(first, last);
  }, [ensureRange, flinging, first, last, pages, total]);

  useEffect(() => {
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [query]);

  useEffect(() => {
    if (!follow) return;
    const row = rowAt(pages, active);
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-identity-id][data-index="${active}"]`);
    if (!row || !element) return;
    select(row);
    element.focus();
    setFollow(false);
  }, [follow, active, pages, items, select]);

  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    setFollow(true);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => number> = {
      ArrowDown: () => active + 1,
      ArrowUp: () => active - 1,
      PageDown: () => active + page,
      PageUp: () => active - page,
      Home: () => 0,
      End: () => count - 1,
    };
    const go = keys[e.key];
    if (go && count > 0) {
      e.preventDefault();
      moveTo(go());
    }
  };

  return (
    <div
      ref={gridRef}
      className="grid"
      role="grid"
      aria-label="Identities"
      aria-readonly="true"
      aria-rowcount={count + 1}
      aria-busy={status === 'loading'}
      aria-colcount={columns.length}
      data-state={status}
      data-total={total ?? ''}
      style={gridStyle(columns, selected != null)}
    >
      <div className="grid-head" role="rowgroup" ref={headRef}>
        <div className="grid-row grid-header-row" role="row" aria-rowindex={1}>
          {columns.map((c) => (
            <div
              key={c.id}
              data-column={c.id}
              role="columnheader"
              className={c.numeric ? 'grid-cell num' : 'grid-cell'}
              aria-sort={c.sort && query.sort === c.sort ? (query.descending ? 'descending' : 'ascending') : undefined}
            >
              {c.sort ? (
                <button type="button" className="sort-button" onClick={() => sortBy(c.sort as SortKey)}>
                  {c.label}
                  <span className="sort-mark" aria-hidden="true">
                    {query.sort === c.sort ? (query.descending ? '▼' : '▲') : ''}
                  </span>
                </button>
              ) : c.title ? (
                <abbr title={c.title}>{c.label}</abbr>
              ) : (
                c.label
              )}
            </div>
          ))}
        </div>
      </div>
      <div
        className="grid-scroll"
        ref={scrollRef}
        onKeyDown={onKeyDown}
        // The header sits outside the scrolling body: it follows the body sideways.
        onScroll={(e) => {
          const left = e.currentTarget.scrollLeft;
          if (headRef.current) headRef.current.scrollLeft = left;
          // Set directly, not through state: a re-render per scroll event would redraw every row.
          gridRef.current?.setAttribute('data-scrolled-x', String(left > 0));
        }}
      >
        {/* In a row of their own: text directly inside a grid is dropped from the accessibility tree. */}
        {(error || (status === 'ready' && count === 0)) && (
          <div role="rowgroup">
            <div role="row" className="grid-message-row">
              <div role="gridcell" aria-colspan={columns.length}>
                {error ? (
                  <p className="alert alert-error grid-message" role="alert">
                    {error}
                  </p>
                ) : (
                  <p className="grid-message muted">No identity matches the search and filter.</p>
                )}
              </div>
            </div>
          </div>
        )}
        <div className="grid-canvas" role="rowgroup" data-flinging={flinging} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {(flinging ? [] : items).map((item) => {
            const row = rowAt(pages, item.index);
            return (
              <Row
                key={item.key}
                index={item.index}
                top={item.start}
                row={row}
                columns={columns}
                selected={row != null && selected?.id === row.id}
                tabbable={item.index === active}
                onSelect={onSelectRow}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

const Row = memo(function Row(props: {
  index: number;
  top: number;
  row: IdentityRow | undefined;
  columns: readonly ColumnDef[];
  selected: boolean;
  tabbable: boolean;
  onSelect: (index: number, r: IdentityRow) => void;
}) {
  const { row } = props;
  const common = {
    role: 'row',
    'aria-rowindex': props.index + 2,
    'data-index': props.index,
    style: { transform: `translateY(${props.top}px)` },
  } as const;
  if (!row) {
    return (
      <div {...common} className="grid-row grid-row-placeholder" aria-busy="true">
        <div role="gridcell" className="grid-cell">
          <span className="skeleton" />
        </div>
      </div>
    );
  }
  return (
    <div
      {...common}
      className="grid-row grid-body-row"
      aria-selected={props.selected}
      tabIndex={props.tabbable ? 0 : -1}
      data-identity-id={row.id}
      data-class={row.class ?? 'none'}
      onClick={() => props.onSelect(props.index, row)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          props.onSelect(props.index, row);
        }
      }}
    >
      {props.columns.map((c) => {
        return (
          <div
            key={c.id}
            role="gridcell"
            data-column={c.id}
            className={['grid-cell', c.numeric ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ')}
            title={c.tooltip?.(row)}
          >
            {c.cell(row)}
          </div>
        );
      })}
    </div>
  );
});
