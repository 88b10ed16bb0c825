import { useEffect, useId, useState } from 'react';
import type { ResponseOf } from '../../../shared/contract/methods';
import { api, unwrap } from '../api';
import { baseName, formatTime } from '../format';
import { useEngagementStore } from '../stores/engagementStore';

type Recent = ResponseOf<'engagements:recent'>;

/** The engagements opened lately (the shell remembers them), each one click away; nothing when there are none. */
export function RecentEngagements() {
  const [recent, setRecent] = useState<Recent>([]);
  const busy = useEngagementStore((s) => s.busy);
  const openPath = useEngagementStore((s) => s.openPath);
  const id = useId();

  useEffect(() => {
    let live = true;
    // Without the list the start screen still works: a failure just leaves it out.
    unwrap(api().engagements_recent({})).then(
      (list) => live && setRecent(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (recent.length === 0) return null;
  return (
    <section className="start-recent" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="start-recent-title">
        Recent engagements
      </h2>
      <ul className="recent-list">
        {recent.map((r) => (
          <li key={r.path}>
            <button type="button" className="recent-item" onClick={() => void openPath(r.path)} disabled={busy != null} title={r.path}>
              <span className="action-title">{r.name || baseName(r.path)}</span>
              <span className="recent-meta">
                <span className="recent-path mono">{r.path}</span>
                <span className="recent-when">Opened {formatTime(r.openedAt, false)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
