import type { IdentityRow } from '../../../shared/contract/dto';
import { useIdentityActivity } from '../stores/activityStore';
import { noActivityText } from './activityData';
import { LoadError, Reserved } from './ActivityStates';
import { SignInTimeline } from './SignInTimeline';
import { WeekHeatMap } from './WeekHeatMap';

/** The identity's sign-ins over the evidence window, per day and by hour of the week. */
export function ActivitySection({ row }: { row: IdentityRow }) {
  const view = useIdentityActivity(row);
  const { data } = view;
  const failed = view.status === 'error';
  const empty = data ? noActivityText(data) : null;
  return (
    <section className="detail-section activity-section" aria-labelledby="timeline-title" data-testid="activity" data-state={view.status}>
      <h3 id="timeline-title">Sign-ins over time</h3>
      <LoadError view={view} what="the sign-in activity" />
      {!failed && !data && <Reserved className="reserved-activity" what="the sign-in activity" />}
      {!failed && data && empty && <p className="muted">{empty}</p>}
      {!failed && data && !empty && (
        <>
          <h4 className="chart-title">Per day</h4>
          <SignInTimeline activity={data} />
          <h4 className="chart-title">By weekday and hour</h4>
          <WeekHeatMap weekHours={data.weekHours} />
        </>
      )}
    </section>
  );
}
