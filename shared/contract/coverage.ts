import { z } from 'zod';
import { SignInCategorySchema } from '../domain/vocabulary';

/** Kinds of directory evidence, apart from sign-in logs, that verdicts and findings depend on. */
export const ENTITY_KINDS = [
  'users',
  'mfa_registration',
  'applications',
  'service_principals',
  'azure_roles',
  'entra_roles',
  'signin_auth_details',
  'azure_ip_ranges',
] as const;
export const EntityKindSchema = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKindSchema>;

/** Whole UTC days, both inclusive. */
export const DayRangeSchema = z.object({ from: z.string(), to: z.string() });
export type DayRange = z.infer<typeof DayRangeSchema>;

export const CategoryCoverageSchema = z.object({
  category: SignInCategorySchema,
  label: z.string(),
  present: z.boolean(),
  files: z.number().int(),
  rows: z.number().int(),
  /** Days with evidence, merged across files. */
  ranges: z.array(DayRangeSchema),
  /** Days inside the overall sign-in window that no file of this category covers. */
  gaps: z.array(DayRangeSchema),
});
export type CategoryCoverage = z.infer<typeof CategoryCoverageSchema>;

export const EntityCoverageSchema = z.object({
  entity: EntityKindSchema,
  label: z.string(),
  present: z.boolean(),
  files: z.number().int(),
  rows: z.number().int(),
  /** What cannot be judged without it. */
  without: z.string(),
});
export type EntityCoverage = z.infer<typeof EntityCoverageSchema>;

export const TruncatedFileSchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.string(),
  rows: z.number().int(),
  flags: z.array(z.string()),
});
export type TruncatedFile = z.infer<typeof TruncatedFileSchema>;

export const CaveatSchema = z.object({
  code: z.string(),
  severity: z.enum(['warning', 'info']),
  text: z.string(),
});
export type Caveat = z.infer<typeof CaveatSchema>;

/** Which evidence the engagement holds, and what is missing: the basis of "cannot assess". */
export const CoverageSchema = z.object({
  files: z.number().int(),
  /** First and last day of any sign-in evidence. */
  window: DayRangeSchema.nullable(),
  categories: z.array(CategoryCoverageSchema),
  entities: z.array(EntityCoverageSchema),
  truncatedFiles: z.array(TruncatedFileSchema),
  caveats: z.array(CaveatSchema),
});
export type Coverage = z.infer<typeof CoverageSchema>;
