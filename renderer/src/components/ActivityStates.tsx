import type { ActivityView } from '../stores/activityStore';

/** The request failed: said in the section, in words, instead of an empty chart. */
export function LoadError({ view, what }: { view: ActivityView; what: string }) {
  if (view.status !== 'error') return null;
  return (
    <p className="alert alert-error" role="alert">
      Could not load {what}. {view.error ?? ''}
    </p>
  );
}

/** Holds the room the content will take while it loads, so the panel does not jump. */
export function Reserved({ className, what }: { className: string; what: string }) {
  return (
    <div className={`reserved ${className}`} aria-busy="true">
      <span className="visually-hidden">Loading {what}…</span>
    </div>
  );
}
