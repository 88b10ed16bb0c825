import type { IdentityActivity } from '../../../shared/contract/activity';
import { formatCount } from '../format';
import { barText, buildTimeline, CATEGORIES, timelineSummary } from './activityData';

/** Width of one bar's slot and the bar's height scale, in viewBox units (the SVG stretches to the panel). */
const SLOT = 10;
const GAP = 2;
const BARS = 100;
/** The strip under the bars that marks buckets with failed sign-ins. */
const RUG_TOP = 104;
const RUG = 6;

/** Sign-ins per day over the evidence window, stacked by category, with failed days marked beneath. */
export function SignInTimeline({ activity }: { activity: IdentityActivity }) {
  const t = buildTimeline(activity.days, activity.window);
  if (!t) return null;
  const peak = Math.max(1, ...t.bars.map((b) => b.total));
  const shown = CATEGORIES.filter(([k]) => activity.totals[k] > 0);
  return (
    <figure className="timeline" data-testid="timeline">
      <svg
        className="timeline-chart"
        role="img"
        aria-label={timelineSummary(t, activity.totals)}
        viewBox={`0 0 ${t.bars.length * SLOT} ${RUG_TOP + RUG}`}
        preserveAspectRatio="none"
        data-bars={t.bars.length}
      >
        <line className="timeline-axis" x1={0} x2={t.bars.length * SLOT} y1={BARS + 0.5} y2={BARS + 0.5} />
        {t.bars.map((bar, i) => {
          let y = BARS;
          return (
            <g key={bar.from} data-day={bar.from} data-total={bar.total} data-failures={bar.failures}>
              <title>{barText(bar)}</title>
              {/* A transparent full-height slot, so every day (idle ones too) has a tooltip to point at. */}
              <rect className="timeline-slot" x={i * SLOT} y={0} width={SLOT} height={RUG_TOP + RUG} />
              {CATEGORIES.map(([k]) => {
                const h = (bar[k] / peak) * (BARS - 2);
                if (h <= 0) return null;
                y -= h;
                return <rect key={k} className="timeline-bar" data-category={k} x={i * SLOT + GAP / 2} y={y} width={SLOT - GAP} height={h} />;
              })}
              {bar.failures > 0 && (
                // The darker the mark, the larger the day's share of failures (a whole red day: all failed).
                <rect className="timeline-failed" x={i * SLOT + GAP / 2} y={RUG_TOP} width={SLOT - GAP} height={RUG} fillOpacity={0.35 + 0.65 * (bar.failures / bar.total)} />
              )}
            </g>
          );
        })}
      </svg>
      <div className="timeline-scale" aria-hidden="true">
        <span>{t.from}</span>
        <span>peak {formatCount(peak)}{t.bucketDays === 1 ? ' a day' : ` per ${t.bucketDays} days`}</span>
        <span>{t.to}</span>
      </div>
      <figcaption className="chart-legend">
        {shown.map(([k, label]) => (
          <span key={k} className="legend-item">
            <span className="legend-swatch" data-category={k} aria-hidden="true" />
            {label} {formatCount(activity.totals[k])}
          </span>
        ))}
        {activity.totals.failures > 0 && (
          <span className="legend-item">
            <span className="legend-swatch" data-category="failed" aria-hidden="true" />
            Failed {formatCount(activity.totals.failures)}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
