import type { Framework } from './framework';

/** NIST SP 800-207 (Zero Trust Architecture), tenets of section 2.1 (reference/frameworks.md c.3). */
export const NIST_SP_800_207: Framework = {
  id: 'nist-sp-800-207',
  name: 'NIST SP 800-207 Zero Trust Architecture, tenets (2.1)',
  short: 'SP 800-207',
  requirements: [
    { id: 'Tenet 3', title: 'Access to individual enterprise resources is granted on a per-session basis', ruleIds: ['privileged-azure-role-on-machine-identity', 'privileged-entra-role-on-machine-identity', 'machine-identity-reuse', 'dangerous-graph-application-permission', 'third-party-with-tenant-control', 'environment-isolation'] },
    { id: 'Tenet 4', title: 'Access to resources is determined by dynamic policy, including the observable state of client identity', ruleIds: ['human-use-of-machine-identity', 'federated-credential-broad-subject'] },
    { id: 'Tenet 5', title: 'The enterprise monitors and measures the integrity and security posture of all owned and associated assets', ruleIds: ['deleted-principal-holds-roles', 'expired-credential-present', 'credential-expiring-soon', 'application-without-owners', 'owner-disabled-deleted-or-guest', 'unused-application-with-access', 'credential-never-used'] },
    {
      id: 'Tenet 6',
      title: 'All resource authentication and authorization are dynamic and strictly enforced before access is allowed',
      ruleIds: ['service-account-single-factor', 'password-grant-in-use', 'break-glass-without-phishing-resistant-mfa', 'secret-lifetime-too-long', 'secret-where-certificate-would-do', 'several-active-secrets'],
    },
  ],
};
