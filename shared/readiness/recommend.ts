import type { IdentityProfile } from '../classification/profile';
import type { IdentityClass } from '../domain/vocabulary';
import type { Readiness } from './assess';

/** Where a workload should go instead of a user account with a password. */
export type MigrationPattern =
  | 'managed_identity'
  | 'federation_github_actions'
  | 'federation_azure_devops'
  | 'federation_kubernetes'
  | 'federation_terraform_cloud'
  | 'service_principal_certificate'
  | 'retire'
  | 'register_mfa'
  | 'register_phishing_resistant'
  | 'guest_mfa'
  | 'none';

export interface Recommendation {
  pattern: MigrationPattern;
  /** What to do, in a sentence. */
  action: string;
  /** Why, from the evidence. */
  rationale: string;
}

export const PATTERN_LABELS: Record<MigrationPattern, string> = {
  managed_identity: 'Managed identity',
  federation_github_actions: 'Workload identity federation (GitHub Actions)',
  federation_azure_devops: 'Workload identity federation (Azure DevOps service connection)',
  federation_kubernetes: 'Workload identity federation (Kubernetes)',
  federation_terraform_cloud: 'Workload identity federation (HCP Terraform / Terraform Cloud)',
  service_principal_certificate: 'Service principal with a certificate',
  retire: 'Retire the account',
  register_mfa: 'Register an MFA method',
  register_phishing_resistant: 'Register a phishing-resistant method',
  guest_mfa: 'MFA for a guest',
  none: 'Nothing to do',
};

/** Facts about source addresses the caller can supply (from an imported Azure IP ranges file). */
export interface SourceFacts {
  /**
   * The identity's source addresses that lie inside Azure, with the service tag that holds each
   * (`AzureCloud.westeurope`); null when no Azure IP ranges file was imported, so it is unknown.
   */
  azureIps: ReadonlyMap<string, string> | null;
}

const DAY = 86_400_000;
const fmt = (n: number): string => n.toLocaleString('en-US');

interface Hint {
  pattern: MigrationPattern;
  test: RegExp;
  why: string;
}

// Checked in order against the account's user agents: the platform that runs the job.
const PLATFORM_HINTS: readonly Hint[] = [
  { pattern: 'federation_github_actions', test: /GITHUBACTIONS|github-actions/iu, why: 'user agent shows GitHub Actions' },
  { pattern: 'federation_azure_devops', test: /^VSTS_|AzurePipelines|azure-devops/iu, why: 'user agent shows an Azure DevOps pipeline' },
  { pattern: 'federation_kubernetes', test: /kube|k8s|\baks\b/iu, why: 'user agent shows a Kubernetes workload' },
  { pattern: 'federation_terraform_cloud', test: /HashiCorp Terraform|terraform-provider|HCP Terraform|Terraform Cloud/iu, why: 'user agent shows Terraform' },
];

/**
 * What an identity that is not ready should move to, judged from the evidence: automation goes to
 * a workload identity (managed identity when it runs in Azure, federation where the platform
 * issues tokens, a certificate otherwise) or is retired when dormant; people register a method.
 */
export function recommend(p: IdentityProfile, cls: IdentityClass, readiness: Readiness, asOfMs: number, dormantDays: number, sources: SourceFacts): Recommendation {
  const si = p.signIns;
  // A user account run by a script is a finding whatever the enforcement does to it: it gets a
  // migration target even when it touches no enforced app.
  if (readiness.verdict === 'not_in_scope' || (readiness.verdict === 'ready' && cls !== 'service_account')) {
    return { pattern: 'none', action: 'No change needed for mandatory MFA.', rationale: readiness.reason };
  }
  if (cls === 'break_glass') {
    return {
      pattern: 'register_phishing_resistant',
      action: 'Register a FIDO2 security key or passkey (or certificate-based authentication) for this emergency account and test it.',
      rationale: 'Microsoft recommends phishing-resistant MFA for emergency-access accounts, which the enforcement does not exempt.',
    };
  }
  if (cls === 'service_account') {
    const lastMs = si.lastSeen ? Date.parse(si.lastSeen) : null;
    if (lastMs == null || asOfMs - lastMs > dormantDays * DAY) {
      const since = lastMs == null ? 'no sign-in in the evidence' : `last sign-in ${new Date(lastMs).toISOString().slice(0, 10)}`;
      return { pattern: 'retire', action: 'Disable the account and remove its role assignments; delete it once no owner claims it.', rationale: `Dormant: ${since}.` };
    }
    const agents = si.topUserAgents.map((a) => a.agent);
    for (const h of PLATFORM_HINTS) {
      const hit = agents.find((a) => h.test.test(a));
      if (hit) {
        return {
          pattern: h.pattern,
          action: `Replace the account's password with a service principal that trusts the platform's tokens (${PATTERN_LABELS[h.pattern]}).`,
          rationale: `${h.why} ("${hit}"): the platform can issue a federated token, so no secret is needed.`,
        };
      }
    }
    const ips = si.topIps.map((i) => i.ip);
    if (sources.azureIps && ips.length > 0 && ips.every((ip) => sources.azureIps?.has(ip))) {
      return {
        pattern: 'managed_identity',
        action: 'Run the job with a managed identity of the Azure resource that hosts it.',
        rationale: `Every source address is inside Azure's published IP ranges (${ips.map((ip) => `${ip} in ${sources.azureIps?.get(ip) ?? 'AzureCloud'}`).join(', ')}): the workload runs in Azure.`,
      };
    }
    const where = sources.azureIps
      ? `its source address${ips.length === 1 ? '' : 'es'} (${ips.join(', ') || 'none recorded'}) ${ips.length === 1 ? 'is' : 'are'} outside Azure`
      : 'whether it runs in Azure is unknown (import the Azure IP ranges file to tell)';
    return {
      pattern: 'service_principal_certificate',
      action: 'Move the job to a service principal that authenticates with a certificate (or a managed identity if it runs in Azure).',
      rationale: `${fmt(si.total)} sign-ins by a script; no federation-capable platform in its user agents and ${where}.`,
    };
  }
  if (readiness.verdict === 'no_activity' || readiness.verdict === 'cannot_assess') {
    return { pattern: 'none', action: readiness.verdict === 'no_activity' ? 'Nothing to change before the enforcement; it applies if the account starts using Azure tools.' : 'Import the missing evidence and analyse again.', rationale: readiness.reason };
  }
  if (cls === 'guest') {
    return {
      pattern: 'guest_mfa',
      action: "Have the guest complete MFA here, or trust their home tenant's MFA in the cross-tenant access settings.",
      rationale: readiness.reason,
    };
  }
  return {
    pattern: 'register_mfa',
    action: 'Register Microsoft Authenticator or a passkey before the next Azure sign-in.',
    rationale: readiness.reason,
  };
}
