import type { IdentityProfile } from '../../../shared/classification/profile';
import { UserFacingError } from '../../../shared/contract/result';
import type { IdentityClass } from '../../../shared/domain/vocabulary';
import { assessReadiness } from '../../../shared/readiness/assess';
import { recommend } from '../../../shared/readiness/recommend';
import type { ClassificationSettings } from '../../../shared/classification/settings';
import type { Db } from '../db/open';
import { evidenceCoverage } from './evidence';
import { asOfMs, azureRanges, readinessEvidence, sourceFacts } from './runAnalysis';
import { refreshFindings } from './findings';

/**
 * Sets (or, with a null class, clears) a reviewer's class for one identity, with the reason, and
 * judges its readiness again for that class. The computed class stays beside the override, so the
 * workbook and the UI can show both; a re-analysis replaces only the computed one.
 */
export function setOverride(db: Db, settings: ClassificationSettings, identityId: number, cls: IdentityClass | null, reason: string): void {
  const exists = db.prepare('SELECT 1 FROM identities WHERE id = ?').get(identityId);
  if (!exists) throw new UserFacingError(`There is no identity ${identityId} in this engagement.`, 'IDENTITY_NOT_FOUND');
  const why = reason.trim();
  if (cls && why.length === 0) throw new UserFacingError('Say why the class is overridden: the reason goes into the workbook.', 'OVERRIDE_REASON_REQUIRED');
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO classifications (identity_id, class, confidence, reasons, override_class, override_reason, computed_at)
       VALUES (?, 'unknown', 0, '[]', ?, ?, ?)
       ON CONFLICT (identity_id) DO UPDATE SET override_class = excluded.override_class, override_reason = excluded.override_reason`,
    ).run(identityId, cls, cls ? why : null, now);
    const stored = db.prepare('SELECT profile FROM identity_profiles WHERE identity_id = ?').get(identityId) as { profile: string } | undefined;
    if (!stored) return;
    const profile = JSON.parse(stored.profile) as IdentityProfile;
    const computed = (db.prepare('SELECT class FROM classifications WHERE identity_id = ?').get(identityId) as { class: IdentityClass }).class;
    const effective = cls ?? computed;
    const coverage = evidenceCoverage(db);
    const r = assessReadiness(profile, effective, coverage);
    const rec = recommend(profile, effective, r, asOfMs(db, coverage), settings.dormantDays, sourceFacts(profile, azureRanges(db)));
    db.prepare(
      `INSERT OR REPLACE INTO readiness (identity_id, verdict, surfaces, evidence, reason, recommendation, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(identityId, r.verdict, JSON.stringify(r.surfaces), JSON.stringify(readinessEvidence(r, coverage)), r.reason, JSON.stringify(rec), now);
    // Findings depend on classes (a service account's single-factor sign-ins, a machine's roles).
    refreshFindings(db, coverage, asOfMs(db, coverage), now);
  })();
}
