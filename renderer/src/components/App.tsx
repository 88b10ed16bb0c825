import { useEffect } from 'react';
import { useAppStore } from '../stores/appStore';
import { useEngagementStore } from '../stores/engagementStore';
import { windowTitle } from '../windowTitle';
import { EngagementScreen } from './EngagementScreen';
import { StartScreen } from './StartScreen';

/** Chooses the screen; mirrors the connection state on #root as `data-app-state` for tests and tools. */
export function App() {
  const state = useAppStore((s) => s.state);
  const message = useAppStore((s) => s.message);
  const connect = useAppStore((s) => s.connect);
  const engagement = useEngagementStore((s) => s.engagement);

  useEffect(() => connect(), [connect]);

  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', state);
  }, [state]);

  useEffect(() => {
    document.title = windowTitle(engagement);
  }, [engagement]);

  if (state === 'loading') {
    return (
      <div className="splash" role="status">
        Connecting to the engine…
      </div>
    );
  }
  if (state === 'unavailable') {
    return (
      <div className="splash">
        <div className="alert alert-error" role="alert">
          {message}
        </div>
      </div>
    );
  }
  return engagement ? <EngagementScreen engagement={engagement} /> : <StartScreen />;
}
