/**
 * One credential's state as the governance rules judge it, for the Credentials sheet: its status
 * on the as-of date, whether the sign-in logs show it in use, and the problems the credential
 * rules would report for it. The conditions and thresholds are those of the rules
 * (expired-credential-present, credential-expiring-soon, secret-lifetime-too-long,
 * credential-never-used), so a row of the sheet and the findings never disagree.
 */
import { NEVER_YEAR } from './checks/secret-lifetime-too-long';
import { validAt, type RuleCredential, type RuleSettings } from './rule';

const DAY = 86_400_000;

export type CredentialStatus = 'expired' | 'expiring' | 'valid' | 'no_expiry';
export type SeenInUse = 'yes' | 'no' | 'unknown';

/** What the sign-in logs say about the credential's holder. */
export interface HolderUse {
  /** Any service principal sign-in was analysed in this engagement. */
  workloadSignInsImported: boolean;
  /** The holder's service principal sign-ins (null: the holder was never profiled). */
  servicePrincipalSignIns: number | null;
  /** Key ids those sign-ins (and managed identity sign-ins) named, lower case, as the profile keeps them. */
  keyIds: readonly string[];
}

export interface CredentialAssessment {
  status: CredentialStatus;
  /** Days from start to end; null without both dates or when it never expires. */
  lifetimeDays: number | null;
  seen: SeenInUse;
  /** Why `seen` says what it says, in a sentence. */
  seenWhy: string;
  /** The problems, worst first (an expired or expiring end never coincides with "never expires"), in the words of the sheet. */
  issues: string[];
  /** Sort key, worst first: 0 expired, 1 secret without expiry, 2 expiring, 3 secret over the lifetime limit, 4 not used while others are, 5 none. */
  rank: number;
}

/** The issue credential-never-used raises; a view that shows `seen` beside the issues can leave it out. */
export const UNUSED_ISSUE = 'Not seen in use while the application signs in with another key';

/** Sort keys of `CredentialAssessment.rank`. */
export const CREDENTIAL_RANK = { expired: 0, noExpiry: 1, expiring: 2, longLived: 3, unused: 4, none: 5 } as const;

const parse = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NaN);

/** The rules' "never expires": no end, an unreadable one, or one Graph writes for "never" (2299, 9999). */
function neverExpires(c: Pick<RuleCredential, 'end'>): boolean {
  const end = parse(c.end);
  return c.end == null || !Number.isFinite(end) || new Date(end).getUTCFullYear() >= NEVER_YEAR;
}

/** Status on the as-of instant. A federated credential has no end and is valid as long as it exists (as `validAt` says). */
export function credentialStatus(c: Pick<RuleCredential, 'type' | 'end'>, asOfMs: number, expiringDays: number): CredentialStatus {
  if (c.type === 'federated') return 'valid';
  if (neverExpires(c)) return 'no_expiry';
  const end = parse(c.end);
  if (end < asOfMs) return 'expired';
  if (end <= asOfMs + expiringDays * DAY) return 'expiring';
  return 'valid';
}

/** Whether the holder's sign-ins name this credential's key (the fact credential-never-used reads). */
export function seenInUse(c: Pick<RuleCredential, 'type' | 'keyId'>, use: HolderUse): { seen: SeenInUse; why: string } {
  if (!use.workloadSignInsImported) return { seen: 'unknown', why: 'No service principal sign-ins were imported' };
  const n = use.servicePrincipalSignIns ?? 0;
  if (n === 0) return { seen: 'unknown', why: 'The identity has no service principal sign-ins in the evidence' };
  if (c.keyId && use.keyIds.includes(c.keyId.toLowerCase())) return { seen: 'yes', why: `Named by its service principal sign-ins (${n.toLocaleString('en-US')} in the evidence)` };
  if (use.keyIds.length === 0) return { seen: 'unknown', why: 'Its sign-ins do not name the credential they used' };
  if (c.type === 'federated') return { seen: 'unknown', why: 'Sign-ins are matched by secret and certificate key ids; a federated credential is not' };
  if (!c.keyId) return { seen: 'unknown', why: 'The credential has no key id to match' };
  const others = use.keyIds.length;
  return { seen: 'no', why: `Not used by any of ${n.toLocaleString('en-US')} sign-ins, which used ${others === 1 ? 'another key' : `${others} other keys`}` };
}

/** Status, use and the problems of one credential, with the rules' thresholds. */
export function assessCredential(c: RuleCredential, use: HolderUse, settings: Pick<RuleSettings, 'expiringDays' | 'maxSecretDays'>, asOfMs: number): CredentialAssessment {
  const status = credentialStatus(c, asOfMs, settings.expiringDays);
  const end = parse(c.end);
  const start = parse(c.start);
  const never = neverExpires(c);
  const lifetimeDays = c.type !== 'federated' && !never && Number.isFinite(start) ? Math.round((end - start) / DAY) : null;
  const { seen, why } = seenInUse(c, use);
  const issues: string[] = [];
  let rank: number = CREDENTIAL_RANK.none;
  const add = (text: string, r: number): void => {
    issues.push(text);
    rank = Math.min(rank, r);
  };
  // expired-credential-present and credential-expiring-soon: secrets and certificates with a readable end.
  if (c.type !== 'federated' && Number.isFinite(end)) {
    if (end < asOfMs) add(`Expired on ${c.end?.slice(0, 10)}`, CREDENTIAL_RANK.expired);
    else if (end <= asOfMs + settings.expiringDays * DAY) add(`Expires on ${c.end?.slice(0, 10)}, in ${Math.round((end - asOfMs) / DAY)} days`, CREDENTIAL_RANK.expiring);
  }
  // secret-lifetime-too-long: client secrets only.
  if (c.type === 'password') {
    if (never) add('Secret never expires', CREDENTIAL_RANK.noExpiry);
    else if (lifetimeDays != null && lifetimeDays > settings.maxSecretDays) {
      add(`Lifetime ${lifetimeDays.toLocaleString('en-US')} days, over the limit of ${settings.maxSecretDays}`, CREDENTIAL_RANK.longLived);
    }
  }
  // credential-never-used: a valid secret or certificate its holder's sign-ins do not use.
  if (seen === 'no' && validAt(c, asOfMs)) add(UNUSED_ISSUE, CREDENTIAL_RANK.unused);
  return { status, lifetimeDays, seen, seenWhy: why, issues, rank };
}
