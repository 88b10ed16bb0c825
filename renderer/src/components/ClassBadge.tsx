import { CLASS_LABELS, type IdentityClass } from '../../../shared/domain/vocabulary';

/** The identity's class as a coloured badge; colours come from the `--class-*` tokens. */
export function ClassBadge({ value }: { value: IdentityClass | null }) {
  if (value == null) {
    return (
      <span className="badge" data-class="none">
        Not classified
      </span>
    );
  }
  return (
    <span className="badge" data-class={value}>
      {CLASS_LABELS[value]}
    </span>
  );
}
