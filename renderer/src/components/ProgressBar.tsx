/** A determinate bar when the fraction is known, an indeterminate one before the first report. */
export function ProgressBar({ fraction, label, valueText }: { fraction: number | null; label: string; valueText?: string }) {
  if (fraction == null) {
    return (
      <div className="progress progress-indeterminate" role="progressbar" aria-label={label} aria-valuetext={valueText ?? 'Starting'}>
        <div className="progress-fill" />
      </div>
    );
  }
  const pct = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={valueText ?? `${pct}%`}
    >
      <div className="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
