import type { Framework } from './framework';

/** NIST Cybersecurity Framework 2.0 subcategories (reference/frameworks.md c.2; CSF 1.1's PR.AC ids are gone). */
export const NIST_CSF_2: Framework = {
  id: 'nist-csf-2',
  name: 'NIST Cybersecurity Framework 2.0',
  short: 'NIST CSF 2.0',
  requirements: [
    {
      id: 'PR.AA-01',
      title: 'Identities and credentials for authorized users, services, and hardware are managed by the organization',
      ruleIds: ['deleted-principal-holds-roles', 'machine-identity-reuse', 'human-use-of-machine-identity', 'secret-lifetime-too-long', 'expired-credential-present', 'credential-expiring-soon', 'application-without-owners', 'owner-disabled-deleted-or-guest', 'several-active-secrets'],
    },
    {
      id: 'PR.AA-02',
      title: 'Identities are proofed and bound to credentials based on the context of interactions',
      ruleIds: ['application-without-owners', 'owner-disabled-deleted-or-guest'],
    },
    {
      id: 'PR.AA-04',
      title: 'Identity assertions are protected, conveyed, and verified',
      ruleIds: ['federated-credential-broad-subject'],
    },
    {
      id: 'PR.AA-03',
      title: 'Users, services, and hardware are authenticated',
      ruleIds: ['service-account-single-factor', 'password-grant-in-use', 'break-glass-without-phishing-resistant-mfa', 'secret-where-certificate-would-do'],
    },
    {
      id: 'PR.AA-05',
      title: 'Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties',
      ruleIds: ['privileged-azure-role-on-machine-identity', 'privileged-entra-role-on-machine-identity', 'deleted-principal-holds-roles', 'dangerous-graph-application-permission', 'third-party-with-tenant-control', 'environment-isolation'],
    },
    { id: 'ID.AM-08', title: 'Systems, hardware, software, services, and data are managed throughout their life cycles', ruleIds: ['deleted-principal-holds-roles', 'expired-credential-present', 'unused-application-with-access', 'credential-never-used'] },
    { id: 'DE.CM-06', title: 'External service provider activities and services are monitored to find potentially adverse events', ruleIds: ['third-party-with-tenant-control'] },
    { id: 'DE.CM-03', title: 'Personnel activity and technology usage are monitored to find potentially adverse events', ruleIds: ['human-use-of-machine-identity', 'machine-identity-reuse'] },
  ],
};
