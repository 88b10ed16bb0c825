import { z } from 'zod';

const count = z.number().int().min(0);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'expected a date as YYYY-MM-DD');

/** One UTC day of an identity's sign-ins, by category; `failures` counts the failed ones of any category. */
export const ActivityDaySchema = z.object({
  day,
  interactive: count,
  nonInteractive: count,
  servicePrincipal: count,
  managedIdentity: count,
  failures: count,
});
export type ActivityDay = z.infer<typeof ActivityDaySchema>;

export const ActivityIpSchema = z.object({
  ip: z.string(),
  count,
  country: z.string().nullable(),
  asn: z.number().int().nullable(),
});
export type ActivityIp = z.infer<typeof ActivityIpSchema>;

export const ActivityAgentSchema = z.object({ agent: z.string(), clientApp: z.string().nullable(), count });
export type ActivityAgent = z.infer<typeof ActivityAgentSchema>;

/** A credential with its state on the as-of date, judged as the credential rules judge it. */
export const ActivityCredentialSchema = z.object({
  id: z.number().int(),
  type: z.enum(['password', 'certificate', 'federated']),
  displayName: z.string().nullable(),
  keyId: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** Federated credentials: the issuer and subject they trust. */
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
  status: z.enum(['expired', 'expiring', 'valid', 'no_expiry']),
  seenInUse: z.enum(['yes', 'no', 'unknown']),
  seenWhy: z.string(),
  /** The problems the credential rules report for it, worst first, apart from not being used (`seenInUse`). */
  issues: z.array(z.string()),
});
export type ActivityCredential = z.infer<typeof ActivityCredentialSchema>;

export const ActivityRoleSchema = z.object({
  id: z.number().int(),
  system: z.enum(['azure', 'entra']),
  role: z.string(),
  scope: z.string(),
  scopeLevel: z.string().nullable(),
  state: z.enum(['active', 'eligible']),
  start: z.string().nullable(),
  end: z.string().nullable(),
  privileged: z.boolean(),
});
export type ActivityRole = z.infer<typeof ActivityRoleSchema>;

export const ActivityOwnerSchema = z.object({
  objectId: z.string(),
  upn: z.string().nullable(),
  displayName: z.string().nullable(),
  /** As the export names it: user, servicePrincipal, group… */
  type: z.string().nullable(),
  /** What owner-disabled-deleted-or-guest reports for this owner, if anything. */
  problem: z.enum(['deleted', 'disabled', 'guest']).nullable(),
});
export type ActivityOwner = z.infer<typeof ActivityOwnerSchema>;

/**
 * What the detail panel shows of one identity beyond its row: when, from where and with what it
 * signs in (from the analysis's profile), and what it holds (credentials, roles) and who owns it.
 */
export const IdentityActivitySchema = z.object({
  id: z.number().int(),
  /**
   * `current`: the sign-in aggregates below come from the last analysis; `not_analysed`: no
   * analysis has profiled the identity yet; `outdated`: its profile was written by a version
   * without the timeline (analyse again). Sign-in arrays are empty unless `current`.
   */
  profile: z.enum(['current', 'not_analysed', 'outdated']),
  /** The evidence window of the analysis (whole UTC days), null without sign-in evidence. */
  window: z.object({ from: day, to: day }).nullable(),
  totals: z.object({
    signIns: count,
    interactive: count,
    nonInteractive: count,
    servicePrincipal: count,
    managedIdentity: count,
    failures: count,
  }),
  /** Days with at least one sign-in, oldest first (days without any are left out). */
  days: z.array(ActivityDaySchema),
  /** Sign-ins by weekday (index 0 = Monday) and hour of day (UTC): 7 rows of 24, or empty. */
  weekHours: z.array(z.array(count).length(24)).refine((rows) => rows.length === 0 || rows.length === 7, 'expected 0 or 7 weekdays'),
  /** The most used source addresses, with how many distinct ones there were. */
  ips: z.array(ActivityIpSchema),
  distinctIps: count,
  distinctCountries: count,
  userAgents: z.array(ActivityAgentSchema),
  /** The date credential statuses are judged on (the engagement's as-of date, else the end of the evidence). */
  asOf: day,
  /** Not meaningful for user objects, which hold no application credentials. */
  credentials: z.array(ActivityCredentialSchema),
  roles: z.array(ActivityRoleSchema),
  owners: z.array(ActivityOwnerSchema),
  /**
   * `known`: the exports carried owners for this kind of object, so an empty list means none;
   * `not_imported`: no owner evidence for it; `not_applicable`: users and managed identities.
   */
  ownersEvidence: z.enum(['known', 'not_imported', 'not_applicable']),
});
export type IdentityActivity = z.infer<typeof IdentityActivitySchema>;
