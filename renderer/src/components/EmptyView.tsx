import { selectCurrentJob, useImportStore } from '../stores/importStore';

/**
 * A view with nothing to show yet: what it will hold, or that an import is on its way to it. An
 * element of its own, so the view that replaces it takes its place rather than moving it.
 */
export function EmptyView(props: { testId: string; title: string; hint: string; whileImporting: string }) {
  const running = useImportStore((s) => selectCurrentJob(s)?.state === 'running');
  return (
    <div className="empty" data-testid={props.testId}>
      <h2>{running ? 'Importing…' : props.title}</h2>
      <p className="muted">{running ? props.whileImporting : props.hint}</p>
    </div>
  );
}
