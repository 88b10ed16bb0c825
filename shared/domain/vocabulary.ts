import { z } from 'zod';

/** Identity classes of the design. `unknown` is an honest answer, not a failure. */
export const IDENTITY_CLASSES = [
  'human',
  'guest',
  'service_account',
  'break_glass',
  'sync_account',
  'service_principal',
  'managed_identity',
  'unknown',
] as const;
export const IdentityClassSchema = z.enum(IDENTITY_CLASSES);
export type IdentityClass = z.infer<typeof IdentityClassSchema>;

/** Readiness verdicts for mandatory MFA (user objects; workload identities are `not_in_scope`). */
export const VERDICTS = [
  'blocked',
  'will_break',
  'at_risk',
  'ready',
  'no_activity',
  'cannot_assess',
  'not_in_scope',
] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const VERDICT_LABELS: Record<Verdict, string> = {
  blocked: 'Blocked',
  will_break: 'Will break',
  at_risk: 'At risk',
  ready: 'Ready',
  // Not "No activity": such users may sign in a lot, only never to an app the enforcement covers.
  no_activity: 'No enforced use',
  cannot_assess: 'Cannot assess',
  not_in_scope: 'Not in scope',
};

/** Directory object kinds an identity can be. */
/** `unknown`: a deleted principal that still holds role assignments, whose type the export does not give. */
export const IDENTITY_KINDS = ['user', 'service_principal', 'application', 'unknown'] as const;
export const IdentityKindSchema = z.enum(IDENTITY_KINDS);
export type IdentityKind = z.infer<typeof IdentityKindSchema>;

/** Sign-in log categories: the four portal tabs / Log Analytics tables. */
export const SIGNIN_CATEGORIES = ['interactive', 'non_interactive', 'service_principal', 'managed_identity'] as const;
export const SignInCategorySchema = z.enum(SIGNIN_CATEGORIES);
export type SignInCategory = z.infer<typeof SignInCategorySchema>;

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const CLASS_LABELS: Record<IdentityClass, string> = {
  human: 'Person',
  guest: 'Guest',
  service_account: 'Service account',
  break_glass: 'Break-glass',
  sync_account: 'Sync account',
  service_principal: 'Service principal',
  managed_identity: 'Managed identity',
  unknown: 'Unknown',
};
