import { z } from 'zod';

/** Thresholds and name patterns; defaults here, stored per engagement so a re-run is reproducible. */
export const ClassificationSettingsSchema = z.object({
  /** Share of a user's sign-ins that must be non-interactive before that counts as machine-like. */
  nonInteractiveShare: z.number().min(0).max(1).default(0.95),
  /** Sign-ins needed before behaviour is trusted over names. */
  minSignInsForBehaviour: z.number().int().min(1).default(20),
  /** Share of sign-ins from automation user agents that counts as machine-like. */
  automationAgentShare: z.number().min(0).max(1).default(0.5),
  /** A gap within this share of the median gap (and at least a minute) counts as on schedule. */
  regularityToleranceShare: z.number().min(0).max(1).default(0.15),
  /** Share of gaps on schedule, over at least `minRegularGaps` gaps, that marks a scheduled job. */
  regularShare: z.number().min(0).max(1).default(0.8),
  minRegularGaps: z.number().int().min(3).default(20),
  /** Share of sign-ins outside 07:00–19:00 UTC on weekdays that marks round-the-clock activity. */
  offHoursShare: z.number().min(0).max(1).default(0.4),
  /** A break-glass account signs in rarely: at most this many sign-ins in the evidence window. */
  breakGlassMaxSignIns: z.number().int().min(0).default(10),
  /** Days without a sign-in after which automation counts as dormant (retire rather than migrate). */
  dormantDays: z.number().int().min(1).default(90),
  serviceAccountNamePatterns: z
    .array(z.string())
    .default(['^(svc|sa|srv|service|app|bot|robot|automation|sched|task|batch|deploy|api)[-_.]', '[-_.](svc|sa|service|automation|bot)[-_.@]', 'service account']),
  breakGlassNamePatterns: z.array(z.string()).default(['break[-_ ]?glass', 'emergency', '^bg[-_.]', 'emergency[-_ ]?access']),
  syncAccountNamePatterns: z
    .array(z.string())
    .default(['^sync_[^@]+_[0-9a-f]+@', '^adtoaadsyncserviceaccount@', 'on-premises directory synchronization service account']),
});
export type ClassificationSettings = z.infer<typeof ClassificationSettingsSchema>;

export const DEFAULT_CLASSIFICATION_SETTINGS: ClassificationSettings = ClassificationSettingsSchema.parse({});
