import { useEngagementStore } from '../stores/engagementStore';
import { useNewEngagementFocus } from '../stores/uiStore';
import { Logo } from './Logo';
import { NewEngagementForm } from './NewEngagementForm';
import { RecentEngagements } from './RecentEngagements';

/** First screen: create an engagement, open one, or explore the bundled sample tenant. */
export function StartScreen() {
  const busy = useEngagementStore((s) => s.busy);
  const error = useEngagementStore((s) => s.error);
  const openFromDisk = useEngagementStore((s) => s.openFromDisk);
  const openSample = useEngagementStore((s) => s.openSample);
  const newForm = useNewEngagementFocus<HTMLElement>();

  return (
    <main className="start" data-screen="start">
      <div className="start-inner">
        <section className="start-intro" aria-labelledby="start-title">
          <div className="brand">
            <Logo size={36} />
            <span className="brand-name">nhi-audit</span>
          </div>
          <h1 id="start-title">Find the identities that MFA enforcement will break.</h1>
          <p className="start-lede">
            Classify every identity in a Microsoft Entra ID export as a person or a machine, with the evidence for each call, and
            plan the move from service accounts to workload identities.
          </p>

          <div className="start-actions">
            <button type="button" className="action-card" onClick={() => void openFromDisk()} disabled={busy != null}>
              <span className="action-title">{busy === 'open' ? 'Opening…' : 'Open engagement…'}</span>
              <span className="action-text">Continue an audit saved as a .nhiaudit file.</span>
            </button>
            {error?.action === 'open' && (
              <p className="alert alert-error" role="alert">
                {error.message}
              </p>
            )}
            <button type="button" className="action-card" onClick={() => void openSample()} disabled={busy != null}>
              <span className="action-title">{busy === 'sample' ? 'Opening the sample…' : 'Open the bundled sample'}</span>
              <span className="action-text">A fictional Contoso tenant with people, service accounts and workload identities.</span>
            </button>
            {error?.action === 'sample' && (
              <p className="alert alert-error" role="alert">
                {error.message}
              </p>
            )}
          </div>

          <RecentEngagements />

          <p className="start-note">
            <span className="dot" aria-hidden="true" /> Works offline. Nothing you import leaves this computer.
          </p>
        </section>

        <section ref={newForm} className="card start-new" aria-labelledby="new-title">
          <h2 id="new-title">New engagement</h2>
          <p className="muted">One file per customer tenant holds the imported evidence, the analysis and your decisions.</p>
          <NewEngagementForm />
        </section>
      </div>
    </main>
  );
}
