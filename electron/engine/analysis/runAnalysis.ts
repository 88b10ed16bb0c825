import { classify } from '../../../shared/classification/classify';
import type { ClassificationSettings } from '../../../shared/classification/settings';
import type { Db } from '../db/open';
import { buildProfiles } from './profiles';

/**
 * Recomputes every classification in one transaction. A reviewer's override survives a re-run:
 * only the computed columns are replaced.
 */
export function runAnalysis(db: Db, settings: ClassificationSettings, onPhase: (phase: string, fraction: number) => void): number {
  onPhase('Building identity profiles', 0.1);
  const profiles = buildProfiles(db);
  onPhase('Classifying identities', 0.6);
  const now = new Date().toISOString();
  const upsert = db.prepare(
    `INSERT INTO classifications (identity_id, class, confidence, reasons, computed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (identity_id) DO UPDATE SET class = excluded.class, confidence = excluded.confidence,
       reasons = excluded.reasons, computed_at = excluded.computed_at`,
  );
  const saveProfile = db.prepare(
    `INSERT OR REPLACE INTO identity_profiles (identity_id, sign_ins, interactive, non_interactive, service_principal,
       managed_identity, first_seen, last_seen, profile, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('DELETE FROM classifications WHERE identity_id NOT IN (SELECT id FROM identities)').run();
    for (const profile of profiles.values()) {
      const s = profile.signIns;
      saveProfile.run(profile.id, s.total, s.interactive, s.nonInteractive, s.servicePrincipal, s.managedIdentity, s.firstSeen, s.lastSeen, JSON.stringify(s), now);
      const c = classify(profile, settings);
      upsert.run(profile.id, c.class, Math.round(c.confidence * 100) / 100, JSON.stringify(c.reasons), now);
    }
    db.prepare(`INSERT INTO settings (key, value) VALUES ('analysis.lastRun', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
      JSON.stringify(now),
    );
  })();
  return profiles.size;
}
