import type { Framework } from './framework';

/** OWASP Top 10 Non-Human Identities Risks, 2025 (reference/frameworks.md c.1); ids as OWASP writes them. */
export const OWASP_NHI_2025: Framework = {
  id: 'owasp-nhi-2025',
  name: 'OWASP Top 10 Non-Human Identities Risks (2025)',
  short: 'OWASP NHI',
  requirements: [
    { id: 'NHI1:2025', title: 'Improper Offboarding', ruleIds: ['deleted-principal-holds-roles'] },
    { id: 'NHI4:2025', title: 'Insecure Authentication', ruleIds: ['service-account-single-factor', 'password-grant-in-use', 'break-glass-without-phishing-resistant-mfa'] },
    { id: 'NHI5:2025', title: 'Overprivileged NHI', ruleIds: ['privileged-azure-role-on-machine-identity', 'privileged-entra-role-on-machine-identity'] },
    { id: 'NHI9:2025', title: 'NHI Reuse', ruleIds: ['machine-identity-reuse'] },
    { id: 'NHI10:2025', title: 'Human Use of NHI', ruleIds: ['human-use-of-machine-identity'] },
  ],
};
