import type { Framework } from './framework';

/** OWASP Top 10 Non-Human Identities Risks, 2025 (reference/frameworks.md c.1); ids as OWASP writes them. */
export const OWASP_NHI_2025: Framework = {
  id: 'owasp-nhi-2025',
  name: 'OWASP Top 10 Non-Human Identities Risks (2025)',
  short: 'OWASP NHI',
  requirements: [
    { id: 'NHI1:2025', title: 'Improper Offboarding', ruleIds: ['deleted-principal-holds-roles', 'expired-credential-present', 'application-without-owners', 'owner-disabled-deleted-or-guest', 'unused-application-with-access', 'credential-never-used'] },
    { id: 'NHI3:2025', title: 'Vulnerable Third-Party NHI', ruleIds: ['third-party-with-tenant-control'] },
    { id: 'NHI2:2025', title: 'Secret Leakage', ruleIds: ['several-active-secrets', 'secret-where-certificate-would-do'] },
    { id: 'NHI4:2025', title: 'Insecure Authentication', ruleIds: ['service-account-single-factor', 'password-grant-in-use', 'break-glass-without-phishing-resistant-mfa', 'secret-where-certificate-would-do'] },
    { id: 'NHI5:2025', title: 'Overprivileged NHI', ruleIds: ['privileged-azure-role-on-machine-identity', 'privileged-entra-role-on-machine-identity', 'dangerous-graph-application-permission', 'third-party-with-tenant-control'] },
    { id: 'NHI6:2025', title: 'Insecure Cloud Deployment Configurations', ruleIds: ['federated-credential-broad-subject'] },
    { id: 'NHI7:2025', title: 'Long-Lived Secrets', ruleIds: ['secret-lifetime-too-long', 'expired-credential-present', 'credential-expiring-soon', 'several-active-secrets'] },
    { id: 'NHI8:2025', title: 'Environment Isolation', ruleIds: ['environment-isolation'] },
    { id: 'NHI9:2025', title: 'NHI Reuse', ruleIds: ['machine-identity-reuse'] },
    { id: 'NHI10:2025', title: 'Human Use of NHI', ruleIds: ['human-use-of-machine-identity'] },
  ],
};
