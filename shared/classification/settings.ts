import { z } from 'zod';

/** Thresholds and name patterns; defaults here, stored per engagement so a re-run is reproducible. */
export const ClassificationSettingsSchema = z.object({
  /** Share of a user's sign-ins that must be non-interactive before that counts as machine-like. */
  nonInteractiveShare: z.number().min(0).max(1).default(0.95),
  /** Sign-ins needed before behaviour is trusted over names. */
  minSignInsForBehaviour: z.number().int().min(1).default(20),
  /** Share of sign-ins from automation user agents that counts as machine-like. */
  automationAgentShare: z.number().min(0).max(1).default(0.5),
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
