import { useEffect, useState } from 'react';
import type { Finding, IdentityRow } from '../../../shared/contract/dto';
import { api, messageOf, unwrap } from '../api';
import { DetailSection, type SectionView } from './DetailSection';

/** About the height one finding takes in the panel with the gap after it (a title and evidence of two lines each, references). */
const FINDING_HEIGHT = 92;
const GAP = 8;

/** The governance findings about one identity, worst first, with their framework references. */
export function FindingsSection({ row }: { row: IdentityRow }) {
  const [view, setView] = useState<SectionView<Finding[]>>({ status: 'loading', data: null, error: null });

  useEffect(() => {
    let live = true;
    setView({ status: 'loading', data: null, error: null });
    unwrap(api().findings_forIdentity({ id: row.id })).then(
      (data) => live && setView({ status: 'ready', data, error: null }),
      (err: unknown) => live && setView({ status: 'error', data: null, error: messageOf(err) }),
    );
    return () => {
      live = false;
    };
    // Re-read when the row changes (an override re-evaluates the rules).
  }, [row]);

  const count = view.data?.length ?? 0;
  return (
    <DetailSection
      title={`Findings${count > 0 ? ` (${count})` : ''}`}
      what="the findings"
      view={view}
      testId="findings"
      // The row says how many there are: their room is held while they load.
      reserve={{ height: row.findingCount > 0 ? row.findingCount * FINDING_HEIGHT - GAP : 18 }}
      empty={(f) => (f.length === 0 ? 'No governance finding about this identity.' : null)}
    >
      {(findings) => (
        <ul className="stack-list findings">
          {findings.map((f) => (
            <li key={f.id} className="finding" data-rule={f.ruleId}>
              <span className="badge severity" data-severity={f.severity}>
                {f.severity}
              </span>
              <div>
                <p className="finding-title">{f.title}</p>
                <p className="finding-evidence">{f.evidence}</p>
                <p className="muted finding-refs">{[...f.frameworks['owasp-nhi-2025'], ...f.frameworks['nist-csf-2'], ...f.frameworks['nist-sp-800-207']].join(' · ')}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </DetailSection>
  );
}
