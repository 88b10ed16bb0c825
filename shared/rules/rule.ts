import { z } from 'zod';
import type { IdentityProfile } from '../classification/profile';
import { SeveritySchema, type IdentityClass } from '../domain/vocabulary';
import type { Readiness } from '../readiness/assess';

/** Evidence a rule needs; without it the rule is skipped with the reason, never passed. */
export const EVIDENCE_NEEDS = ['user_signins', 'workload_signins', 'registration', 'azure_roles', 'entra_roles', 'any_roles', 'app_objects', 'owners'] as const;
export type EvidenceNeed = (typeof EVIDENCE_NEEDS)[number];

/** A rule's metadata, validated when the registry loads. */
export const RuleMetaSchema = z.object({
  /** kebab-case, equal to the rule's file name; never reused for another meaning. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u),
  version: z.number().int().min(1),
  title: z
    .string()
    .min(10)
    .max(150)
    .refine((t) => !/^ensure\b/iu.test(t), 'say what is wrong, not "Ensure …"'),
  severity: SeveritySchema,
  subject: z.enum(['identity', 'role_assignment']),
  rationale: z.string().min(30),
  remediation: z.string().min(30),
  needs: z.array(z.enum(EVIDENCE_NEEDS)),
});
export type RuleMeta = z.infer<typeof RuleMetaSchema>;

/** One identity as rules see it: its profile, its effective class (a reviewer's override wins) and its verdict. */
export interface RuleIdentity {
  profile: IdentityProfile;
  cls: IdentityClass;
  readiness: Readiness | null;
}

/** A role assignment with its holder, as rules see it. */
export interface RuleRoleAssignment {
  identityId: number | null;
  system: 'azure' | 'entra';
  role: string;
  roleDefinitionId: string | null;
  scope: string;
  scopeLevel: string | null;
  state: 'active' | 'eligible';
  principalType: string | null;
  principalObjectId: string | null;
  principalName: string | null;
}

/** A credential of an application or service principal. Times are ISO text as exported. */
export interface RuleCredential {
  identityId: number;
  type: 'password' | 'certificate' | 'federated';
  keyId: string | null;
  displayName: string | null;
  start: string | null;
  end: string | null;
  subject: string | null;
  issuer: string | null;
}

/** An API permission of an application (required in its registration) or its service principal (granted). */
export interface RulePermission {
  identityId: number;
  resourceAppId: string;
  permissionId: string;
  type: 'Role' | 'Scope';
  source: 'required' | 'granted';
}

/** An owner of an application or service principal, as the export names it. */
export interface RuleOwner {
  identityId: number;
  ownerObjectId: string;
  ownerUpn: string | null;
  ownerDisplayName: string | null;
  ownerType: string | null;
}

/** Rule thresholds and severities; defaults here, stored per engagement so a re-run is reproducible. */
export const RuleSettingsSchema = z.object({
  /** Countries a machine identity signs in from before it looks shared (NHI9). */
  reuseCountries: z.number().int().min(1).default(3),
  /** Distinct source addresses a machine identity signs in from before it looks shared (NHI9). */
  reuseIps: z.number().int().min(1).default(20),
  /** Longest acceptable client secret lifetime, in days (NHI7). */
  maxSecretDays: z.number().int().min(1).default(180),
  /** Credentials ending within this many days of the as-of date are reported as expiring. */
  expiringDays: z.number().int().min(1).default(30),
  /** A rule's severity as this engagement rates it, by rule id (the rule's own otherwise). */
  severities: z.record(z.string(), SeveritySchema).default({}),
});
export type RuleSettings = z.infer<typeof RuleSettingsSchema>;

export const DEFAULT_RULE_SETTINGS: RuleSettings = RuleSettingsSchema.parse({});

/** The read-only snapshot every rule evaluates: nothing else, no database, no clock. */
export interface RuleContext {
  identities: readonly RuleIdentity[];
  byId: ReadonlyMap<number, RuleIdentity>;
  roleAssignments: readonly RuleRoleAssignment[];
  credentials: readonly RuleCredential[];
  permissions: readonly RulePermission[];
  owners: readonly RuleOwner[];
  /** Application ids that appear in any sign-in, as the client people or workloads signed in to. */
  appIdsSignedInTo: ReadonlySet<string>;
  evidence: ReadonlySet<EvidenceNeed>;
  settings: RuleSettings;
  asOfMs: number;
}

/** One thing a rule found wrong: whom or what, and the evidence in a sentence with its numbers. */
export interface FindingDraft {
  identityId: number | null;
  subject: string;
  evidence: string;
}

export type RuleOutcome = { status: 'pass' } | { status: 'fail'; findings: FindingDraft[] } | { status: 'skipped'; reason: string };

export interface Rule {
  meta: RuleMeta;
  evaluate(ctx: RuleContext): RuleOutcome;
}

/** Fail with the findings, or pass when there are none. */
export function outcome(findings: FindingDraft[]): RuleOutcome {
  return findings.length > 0 ? { status: 'fail', findings } : { status: 'pass' };
}

/** The name a finding shows for an identity. */
export function nameOf(p: IdentityProfile): string {
  return p.displayName && p.upn && p.displayName !== p.upn ? `${p.displayName} (${p.upn})` : (p.upn ?? p.displayName ?? p.appId ?? p.objectId ?? `#${p.id}`);
}

export const MACHINE_CLASSES: ReadonlySet<IdentityClass> = new Set(['service_account', 'service_principal', 'managed_identity']);

/** A count as the findings write it: 2,880. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** How a finding names a credential: its display name, else its key id. */
export function credentialName(c: RuleCredential): string {
  return c.displayName ? `"${c.displayName}"` : `key ${c.keyId ?? 'unknown'}`;
}

/** Secret or certificate still valid at `ms` (a federated credential has no end and always is). */
export function validAt(c: RuleCredential, ms: number): boolean {
  if (c.type === 'federated' || c.end == null) return true;
  const end = Date.parse(c.end);
  return !Number.isFinite(end) || end >= ms;
}
