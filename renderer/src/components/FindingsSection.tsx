import { useEffect, useState } from 'react';
import type { Finding, IdentityRow } from '../../../shared/contract/dto';
import { api, messageOf, unwrap } from '../api';

/** The governance findings about one identity, worst first, with their framework references. */
export function FindingsSection({ row }: { row: IdentityRow }) {
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setFindings(null);
    setError(null);
    unwrap(api().findings_forIdentity({ id: row.id })).then(
      (f) => live && setFindings(f),
      (err: unknown) => live && setError(messageOf(err)),
    );
    return () => {
      live = false;
    };
    // Re-read when the row changes (an override re-evaluates the rules).
  }, [row]);

  return (
    <section className="detail-section" aria-labelledby="findings-title" data-testid="findings">
      <h3 id="findings-title">Findings{findings && findings.length > 0 ? ` (${findings.length})` : ''}</h3>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      {findings && findings.length === 0 && <p className="muted">No governance finding about this identity.</p>}
      {findings && findings.length > 0 && (
        <ul className="findings">
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
    </section>
  );
}
