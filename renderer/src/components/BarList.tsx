export interface Bar {
  key: string;
  label: string;
  value: number;
  /** Picks the bar's colour (a verdict, class or severity). */
  tone: string;
  onSelect?: () => void;
}

/**
 * A horizontal bar chart made of buttons: readable by a screen reader as "label: value", reachable by
 * keyboard, scaled to the largest value. A chart library would add weight for what is a list of counts.
 */
export function BarList({ title, caption, bars, empty }: { title: string; caption: string; bars: readonly Bar[]; empty: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const id = `bars-${title.toLowerCase().replace(/\W+/gu, '-')}`;
  return (
    <section className="card bar-card" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      <p className="muted bar-caption">{caption}</p>
      {bars.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="stack-list bars">
          {bars.map((b) => (
            <li key={b.key}>
              <button type="button" className="bar-row" data-tone={b.tone} onClick={b.onSelect} disabled={!b.onSelect} aria-label={`${b.label}: ${b.value.toLocaleString('en-US')}`}>
                {/* The spaces keep label and value apart in the visible text, as in the name ("Blocked 3" in "Blocked: 3"); a grid lays out no blank text. */}
                <span className="bar-label">{b.label}</span>{' '}
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${b.value === 0 ? 0 : Math.max(2, (b.value / max) * 100)}%` }} />
                </span>{' '}
                <span className="bar-value">{b.value.toLocaleString('en-US')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
