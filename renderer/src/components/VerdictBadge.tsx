import { VERDICT_LABELS, type Verdict } from '../../../shared/domain/vocabulary';

/** A readiness verdict as a badge; colours come from the `--verdict-*` tokens. */
export function VerdictBadge({ value }: { value: Verdict | null }) {
  if (value == null) return <span className="muted">—</span>;
  return (
    <span className="badge verdict" data-verdict={value}>
      {VERDICT_LABELS[value]}
    </span>
  );
}
