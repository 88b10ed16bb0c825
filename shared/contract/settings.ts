import { z } from 'zod';
import { ClassificationSettingsSchema } from '../classification/settings';
import { IdentityClassSchema, VerdictSchema } from '../domain/vocabulary';
import { RuleSettingsSchema } from '../rules/rule';

/** What a consultant can tune per engagement: classification thresholds and name patterns, rule thresholds. */
export const EngagementSettingsSchema = z.object({
  classification: ClassificationSettingsSchema,
  rules: RuleSettingsSchema,
});
export type EngagementSettings = z.infer<typeof EngagementSettingsSchema>;

const Change = <T extends z.ZodType>(value: T) =>
  z.object({ id: z.number().int(), name: z.string(), from: value.nullable(), to: value.nullable() });

/** What a re-analysis changed: the identities whose class or verdict moved, and findings by rule. */
export const AnalysisChangesSchema = z.object({
  classChangeCount: z.number().int(),
  /** The first few hundred, for display. */
  classChanges: z.array(Change(IdentityClassSchema)),
  verdictChangeCount: z.number().int(),
  verdictChanges: z.array(Change(VerdictSchema)),
  findingsBefore: z.number().int(),
  findingsAfter: z.number().int(),
  /** Rules whose number of findings changed. */
  byRule: z.array(z.object({ ruleId: z.string(), before: z.number().int(), after: z.number().int() })),
});
export type AnalysisChanges = z.infer<typeof AnalysisChangesSchema>;
