import { z } from 'zod';
import { ReviewSchema } from '../domain/review';
import { ImportKindSchema } from '../domain/importKinds';
import { IdentityClassSchema, IdentityKindSchema, SeveritySchema, VerdictSchema } from '../domain/vocabulary';

/** A calendar date (YYYY-MM-DD); the reference date for expiry and dormancy. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected a date as YYYY-MM-DD');

export const EngagementInfoSchema = z.object({
  path: z.string(),
  name: z.string(),
  customer: z.string(),
  tenant: z.string(),
  auditor: z.string(),
  asOf: IsoDateSchema.nullable(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
});
export type EngagementInfo = z.infer<typeof EngagementInfoSchema>;

export const RejectionSchema = z.object({ line: z.number().int(), reason: z.string() });
export type Rejection = z.infer<typeof RejectionSchema>;

export const ImportedFileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  path: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  kind: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  rowsDuplicate: z.number().int(),
  firstTime: z.string().nullable(),
  lastTime: z.string().nullable(),
  warnings: z.array(z.string()),
  rejections: z.array(RejectionSchema),
  importedAt: z.string(),
  durationMs: z.number().int(),
});
export type ImportedFile = z.infer<typeof ImportedFileSchema>;

/** The outcome for one input of an import job, including files that were skipped or refused. */
export const ImportOutcomeSchema = z.object({
  path: z.string(),
  name: z.string(),
  status: z.enum(['imported', 'skipped', 'failed', 'cancelled']),
  kind: z.string().nullable(),
  sha256: z.string().nullable(),
  rowsImported: z.number().int(),
  rowsRejected: z.number().int(),
  rowsDuplicate: z.number().int(),
  warnings: z.array(z.string()),
  rejections: z.array(RejectionSchema),
  error: z.string().nullable(),
  /**
   * Set when the kind could not be detected: the kinds it may be (empty: any kind). The person
   * importing can then choose one and import the file again with that kind.
   */
  candidates: z.array(ImportKindSchema).optional(),
});
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

export const ReasonSchema = z.object({
  code: z.string(),
  text: z.string(),
  weight: z.number(),
});
export type Reason = z.infer<typeof ReasonSchema>;

/** What an identity does on one enforced surface (readiness evidence). */
export const SurfaceSchema = z.object({
  surface: z.enum(['portal', 'cli', 'powershell', 'mobile', 'arm_other']),
  label: z.string(),
  phase: z.union([z.literal(1), z.literal(2)]),
  effect: z.enum(['breaks', 'blocked', 'mfa', 'prompted']),
  mfa: z.number().int(),
  singleFactor: z.number().int(),
  mfaFailures: z.number().int(),
  otherFailures: z.number().int(),
  firstSingleFactor: z.string().nullable(),
  lastSingleFactor: z.string().nullable(),
  firstMfaFailure: z.string().nullable(),
  lastMfaFailure: z.string().nullable(),
  lastMfa: z.string().nullable(),
  lastSuccess: z.string().nullable(),
  sampleRequestIds: z.array(z.string()),
});
export type Surface = z.infer<typeof SurfaceSchema>;

export const RecommendationSchema = z.object({ pattern: z.string(), action: z.string(), rationale: z.string() });

/** A governance finding as the UI and the report show it. */
export const FindingSchema = z.object({
  id: z.number().int(),
  ruleId: z.string(),
  title: z.string(),
  severity: SeveritySchema,
  identityId: z.number().int().nullable(),
  subject: z.string(),
  evidence: z.string(),
  frameworks: z.object({ 'owasp-nhi-2025': z.array(z.string()), 'nist-csf-2': z.array(z.string()), 'nist-sp-800-207': z.array(z.string()) }),
});
export type Finding = z.infer<typeof FindingSchema>;

export const IdentityRowSchema = z.object({
  id: z.number().int(),
  kind: IdentityKindSchema,
  objectId: z.string().nullable(),
  appId: z.string().nullable(),
  upn: z.string().nullable(),
  displayName: z.string().nullable(),
  userType: z.string().nullable(),
  accountEnabled: z.boolean().nullable(),
  class: IdentityClassSchema.nullable(),
  confidence: z.number().nullable(),
  reasons: z.array(ReasonSchema),
  verdict: VerdictSchema.nullable(),
  /** The class the analysis computed; `class` is the reviewer's override when there is one. */
  computedClass: IdentityClassSchema.nullable(),
  override: z.object({ class: IdentityClassSchema, reason: z.string() }).nullable(),
  verdictReason: z.string().nullable(),
  /** Earliest enforcement phase that affects the identity. */
  phase: z.union([z.literal(1), z.literal(2)]).nullable(),
  blockedSince: z.string().nullable(),
  surfaces: z.array(SurfaceSchema),
  recommendation: RecommendationSchema.nullable(),
  signIns: z.number().int(),
  interactiveSignIns: z.number().int(),
  nonInteractiveSignIns: z.number().int(),
  lastSeen: z.string().nullable(),
  /** Stable across re-imports: what review decisions and the workbook's hidden key column hold. */
  key: z.string(),
  review: ReviewSchema.nullable(),
  /** Governance findings about this identity, and the worst of their severities (null: none). */
  findingCount: z.number().int(),
  worstSeverity: SeveritySchema.nullable(),
});
export type IdentityRow = z.infer<typeof IdentityRowSchema>;

/** `findings`: worst severity first, then the most findings (ascending, like `verdict`). */
export const IDENTITY_SORT_KEYS = ['displayName', 'class', 'verdict', 'signIns', 'lastSeen', 'confidence', 'findings'] as const;

/**
 * Where an identity's evidence comes from, for the source filter:
 *  - `directory`: listed in the directory exports (users, service principals, applications);
 *  - `sign_ins_only`: seen in sign-in logs but in no directory export (deleted since, another
 *    tenant's, or an export that was not imported);
 *  - `role_assignments`: holds at least one Azure or Entra role assignment (active or eligible);
 *  - `deleted`: a deleted principal that still holds role assignments.
 * An identity can match several; several chosen match an identity that has any of them.
 */
export const IDENTITY_SOURCES = ['directory', 'sign_ins_only', 'role_assignments', 'deleted'] as const;
export const IdentitySourceSchema = z.enum(IDENTITY_SOURCES);
export type IdentitySource = z.infer<typeof IdentitySourceSchema>;

export const IdentityQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(200),
  classes: z.array(IdentityClassSchema).optional(),
  verdicts: z.array(VerdictSchema).optional(),
  /** Identities with at least one finding of one of these severities. */
  severities: z.array(SeveritySchema).optional(),
  sources: z.array(IdentitySourceSchema).optional(),
  search: z.string().max(200).optional(),
  sort: z.enum(IDENTITY_SORT_KEYS).default('displayName'),
  descending: z.boolean().default(false),
});
export type IdentityQuery = z.input<typeof IdentityQuerySchema>;

export const IdentityPageSchema = z.object({ total: z.number().int(), rows: z.array(IdentityRowSchema) });
export type IdentityPage = z.infer<typeof IdentityPageSchema>;

export const SummarySchema = z.object({
  engagement: EngagementInfoSchema,
  identities: z.number().int(),
  byClass: z.record(z.string(), z.number().int()),
  /** Identities by readiness verdict (empty before analysis). */
  byVerdict: z.record(z.string(), z.number().int()),
  /** Governance findings by severity (empty before analysis). */
  findingsBySeverity: z.record(z.string(), z.number().int()),
  /** Identities with at least one finding of each severity (one identity counts under several). */
  identitiesBySeverity: z.record(z.string(), z.number().int()),
  /** Identities by where their evidence comes from (IDENTITY_SOURCES; one identity counts under several). */
  identitiesBySource: z.record(z.string(), z.number().int()),
  signIns: z.number().int(),
  signInsByCategory: z.record(z.string(), z.number().int()),
  files: z.number().int(),
  firstSignIn: z.string().nullable(),
  lastSignIn: z.string().nullable(),
  analysedAt: z.string().nullable(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const JobHandleSchema = z.object({ jobId: z.string() });
export type JobHandle = z.infer<typeof JobHandleSchema>;
