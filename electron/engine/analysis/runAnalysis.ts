import { classify } from '../../../shared/classification/classify';
import type { ClassificationSettings } from '../../../shared/classification/settings';
import type { IdentityClass } from '../../../shared/domain/vocabulary';
import { assessReadiness, type EvidenceCoverage, type Readiness } from '../../../shared/readiness/assess';
import { recommend, type SourceFacts } from '../../../shared/readiness/recommend';
import { AddressRanges } from '../../../shared/net/addressRanges';
import type { IdentityProfile } from '../../../shared/classification/profile';
import type { Db } from '../db/open';
import { asOfInstant } from './asOf';
import { evidenceCoverage } from './evidence';
import { buildProfiles } from './profiles';
import { writeFindings } from './findings';

/** What a readiness row keeps beside the verdict: the phase, since when blocked, and the evidence it had. */
export function readinessEvidence(r: Readiness, coverage: EvidenceCoverage): object {
  return {
    phase: r.phase,
    blockedSince: r.blockedSince,
    coverage: { categories: [...coverage.categories], registrationImported: coverage.registrationImported, windowFrom: coverage.windowFrom, windowTo: coverage.windowTo },
  };
}

/** Azure's address ranges, when an Azure IP ranges file was imported. */
export function azureRanges(db: Db): AddressRanges | null {
  const ranges = new AddressRanges();
  for (const [prefix, tag] of db.prepare(`SELECT prefix, tag FROM azure_ip_ranges`).raw(true).iterate() as IterableIterator<[string, string]>) ranges.add(prefix, tag);
  return ranges.size > 0 ? ranges : null;
}

/** Which of an identity's source addresses are inside Azure (unknown without the ranges). */
export function sourceFacts(profile: IdentityProfile, ranges: AddressRanges | null): SourceFacts {
  if (!ranges) return { azureIps: null };
  const inside = new Map<string, string>();
  for (const { ip } of profile.signIns.topIps) {
    const hit = ranges.find(ip);
    if (hit) inside.set(ip, hit.label);
  }
  return { azureIps: inside };
}

/** The engagement's as-of instant: its as-of date, else the last sign-in, else now. */
export function asOfMs(db: Db, coverage: EvidenceCoverage): number {
  const row = db.prepare(`SELECT as_of FROM engagement WHERE id = 1`).get() as { as_of: string | null } | undefined;
  return asOfInstant(row?.as_of, coverage.windowTo);
}

/**
 * Recomputes every profile, classification, readiness verdict and recommendation in one
 * transaction. A reviewer's override survives a re-run (only the computed columns are replaced)
 * and drives readiness: the verdict is judged for the class the reviewer set.
 */
export function runAnalysis(db: Db, settings: ClassificationSettings, onPhase: (phase: string, fraction: number) => void): number {
  onPhase('Building identity profiles', 0.1);
  const profiles = buildProfiles(db, settings);
  onPhase('Classifying identities and judging readiness', 0.7);
  const coverage = evidenceCoverage(db);
  const asOf = asOfMs(db, coverage);
  const now = new Date().toISOString();
  const overrides = new Map(
    (db.prepare(`SELECT identity_id, override_class FROM classifications WHERE override_class IS NOT NULL`).raw(true).all() as [number, IdentityClass][]),
  );
  const upsert = db.prepare(
    `INSERT INTO classifications (identity_id, class, confidence, reasons, computed_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (identity_id) DO UPDATE SET class = excluded.class, confidence = excluded.confidence,
       reasons = excluded.reasons, computed_at = excluded.computed_at`,
  );
  const saveProfile = db.prepare(
    `INSERT OR REPLACE INTO identity_profiles (identity_id, sign_ins, interactive, non_interactive, service_principal,
       managed_identity, first_seen, last_seen, profile, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ranges = azureRanges(db);
  const saveReadiness = db.prepare(
    `INSERT OR REPLACE INTO readiness (identity_id, verdict, surfaces, evidence, reason, recommendation, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const judged: { profile: IdentityProfile; cls: IdentityClass; readiness: Readiness }[] = [];
  db.transaction(() => {
    db.prepare('DELETE FROM classifications WHERE identity_id NOT IN (SELECT id FROM identities)').run();
    for (const profile of profiles.values()) {
      const s = profile.signIns;
      saveProfile.run(profile.id, s.total, s.interactive, s.nonInteractive, s.servicePrincipal, s.managedIdentity, s.firstSeen, s.lastSeen, JSON.stringify(profile), now);
      const c = classify(profile, settings);
      upsert.run(profile.id, c.class, Math.round(c.confidence * 100) / 100, JSON.stringify(c.reasons), now);
      const effective = overrides.get(profile.id) ?? c.class;
      const r = assessReadiness(profile, effective, coverage);
      judged.push({ profile, cls: effective, readiness: r });
      const rec = recommend(profile, effective, r, asOf, settings.dormantDays, sourceFacts(profile, ranges));
      saveReadiness.run(
        profile.id,
        r.verdict,
        JSON.stringify(r.surfaces),
        JSON.stringify(readinessEvidence(r, coverage)),
        r.reason,
        JSON.stringify(rec),
        now,
      );
    }
    onPhase('Evaluating governance rules', 0.9);
    writeFindings(db, judged, coverage, asOf, now);
    db.prepare(`INSERT INTO settings (key, value) VALUES ('analysis.lastRun', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
      JSON.stringify(now),
    );
  })();
  return profiles.size;
}
