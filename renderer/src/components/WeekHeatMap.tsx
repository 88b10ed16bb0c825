import { cellTitle, heatLevel, heatSummary, hourText, WEEKDAYS } from './activityData';

const HOUR_MARKS = [0, 6, 12, 18];

/** When in the week it signs in: 7 weekdays × 24 hours (UTC), each cell shaded by its sign-ins. */
export function WeekHeatMap({ weekHours }: { weekHours: readonly (readonly number[])[] }) {
  if (weekHours.length !== 7) return null;
  const max = Math.max(0, ...weekHours.flat());
  return (
    <figure className="heatmap">
      <div className="heatmap-grid" role="img" aria-label={heatSummary(weekHours)} data-testid="heatmap">
        <span className="heatmap-corner" />
        {Array.from({ length: 24 }, (_, h) => (
          <span key={`h${h}`} className="heatmap-hour">
            {HOUR_MARKS.includes(h) ? hourText(h).slice(0, 2) : ''}
          </span>
        ))}
        {weekHours.map((hours, wd) => [
          <span key={`d${wd}`} className="heatmap-day">
            {WEEKDAYS[wd]}
          </span>,
          ...hours.map((n, h) => (
            <span key={`${wd}-${h}`} className="heatmap-cell" data-level={heatLevel(n, max)} data-count={n} title={cellTitle(wd, h, n)} />
          )),
        ])}
      </div>
      <figcaption className="chart-legend heatmap-legend">
        <span>Hour of day, UTC</span>
        <span className="heatmap-scale" aria-hidden="true">
          Fewer
          {[1, 2, 3, 4, 5].map((l) => (
            <span key={l} className="heatmap-cell" data-level={l} />
          ))}
          More
        </span>
      </figcaption>
    </figure>
  );
}
