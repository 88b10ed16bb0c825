import type { IdentityRow } from '../../../shared/contract/dto';
import { useIdentityActivity } from '../stores/activityStore';
import { noActivityText } from './activityData';
import { DetailSection } from './DetailSection';
import { SignInTimeline } from './SignInTimeline';
import { WeekHeatMap } from './WeekHeatMap';

/** The identity's sign-ins over the evidence window, per day and by hour of the week. */
export function ActivitySection({ row }: { row: IdentityRow }) {
  return (
    <DetailSection
      title="Sign-ins over time"
      what="the sign-in activity"
      view={useIdentityActivity(row)}
      testId="activity"
      className="activity-section"
      reserve={{ className: 'reserved-activity' }}
      empty={noActivityText}
    >
      {(data) => (
        <>
          <h4 className="chart-title">Per day</h4>
          <SignInTimeline activity={data} />
          <h4 className="chart-title">By weekday and hour</h4>
          <WeekHeatMap weekHours={data.weekHours} />
        </>
      )}
    </DetailSection>
  );
}
