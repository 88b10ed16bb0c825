import { useId, type ReactNode } from 'react';

/** Where a section's content stands: loading (with what was shown before, if it is the same identity's), loaded, or failed. */
export interface SectionView<T> {
  status: 'loading' | 'ready' | 'error';
  data: T | null;
  error: string | null;
}

interface Props<T> {
  title: ReactNode;
  /** What the content is, in words: "Could not load {what}", "Loading {what}…". */
  what: string;
  view: SectionView<T>;
  testId: string;
  className?: string;
  /** The room the content takes while it loads: a class with the typical height, or a height in pixels. */
  reserve: { className: string } | { height: number };
  /** Why there is nothing to show, in words, or null when there is. */
  empty?: (data: T) => string | null;
  children: (data: T) => ReactNode;
}

/**
 * A section of the identity panel whose content loads on its own: the heading, then the error in
 * words where the content would be, the content's room held open while it loads (so the sections
 * below do not jump), why there is nothing to show, or the content.
 */
export function DetailSection<T>({ title, what, view, testId, className, reserve, empty, children }: Props<T>) {
  const id = useId();
  const { data } = view;
  const failed = view.status === 'error';
  const nothing = data != null && empty ? empty(data) : null;
  return (
    <section className={className ? `detail-section ${className}` : 'detail-section'} aria-labelledby={`${id}-title`} data-testid={testId} data-state={view.status}>
      <h3 id={`${id}-title`}>{title}</h3>
      {failed && (
        <p className="alert alert-error" role="alert">
          Could not load {what}. {view.error ?? ''}
        </p>
      )}
      {!failed && data == null && (
        <div className={'className' in reserve ? `reserved ${reserve.className}` : 'reserved'} style={'height' in reserve ? { height: reserve.height } : undefined} aria-busy="true">
          <span className="visually-hidden">Loading {what}…</span>
        </div>
      )}
      {!failed && data != null && nothing && <p className="muted">{nothing}</p>}
      {!failed && data != null && !nothing && children(data)}
    </section>
  );
}
