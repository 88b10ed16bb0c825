import { describe, expect, it } from 'vitest';
import { rule as breakGlass } from '../../../shared/rules/checks/break-glass-without-phishing-resistant-mfa';
import { rule as deletedPrincipal } from '../../../shared/rules/checks/deleted-principal-holds-roles';
import { rule as humanUse } from '../../../shared/rules/checks/human-use-of-machine-identity';
import { rule as reuse } from '../../../shared/rules/checks/machine-identity-reuse';
import { rule as ropc } from '../../../shared/rules/checks/password-grant-in-use';
import { rule as azurePrivileged } from '../../../shared/rules/checks/privileged-azure-role-on-machine-identity';
import { rule as entraPrivileged } from '../../../shared/rules/checks/privileged-entra-role-on-machine-identity';
import { rule as serviceAccount } from '../../../shared/rules/checks/service-account-single-factor';
import { rule as expiringSoon } from '../../../shared/rules/checks/credential-expiring-soon';
import { rule as dangerousGraph } from '../../../shared/rules/checks/dangerous-graph-application-permission';
import { rule as expired } from '../../../shared/rules/checks/expired-credential-present';
import { rule as secretLifetime } from '../../../shared/rules/checks/secret-lifetime-too-long';
import { rule as thirdParty } from '../../../shared/rules/checks/third-party-with-tenant-control';
import { rule as noOwners } from '../../../shared/rules/checks/application-without-owners';
import { rule as broadFic } from '../../../shared/rules/checks/federated-credential-broad-subject';
import { rule as badOwner } from '../../../shared/rules/checks/owner-disabled-deleted-or-guest';
import { rule as unusedApp } from '../../../shared/rules/checks/unused-application-with-access';
import { rule as environments } from '../../../shared/rules/checks/environment-isolation';
import { rule as neverUsed } from '../../../shared/rules/checks/credential-never-used';
import { rule as certWouldDo } from '../../../shared/rules/checks/secret-where-certificate-would-do';
import { rule as severalSecrets } from '../../../shared/rules/checks/several-active-secrets';
import { evaluateRules } from '../../../shared/rules/evaluate';
import type { Rule, RuleOutcome } from '../../../shared/rules/rule';
import { assignment, context, credential, identity } from './context';

const failures = (o: RuleOutcome): string[] => (o.status === 'fail' ? o.findings.map((f) => `${f.subject}: ${f.evidence}`) : []);

describe('service-account-single-factor', () => {
  it('fails a service account that will break or is blocked, passes one that is not touched and a person', () => {
    const breaks = identity('service_account', { upn: 'svc-a@contoso.com', displayName: null }, {}, { verdict: 'will_break', reason: 'Automation signs in single-factor to Azure CLI (phase 2): 30 sign-ins.' });
    const blocked = identity('service_account', { upn: 'svc-b@contoso.com', displayName: null }, {}, { verdict: 'blocked', reason: '12 sign-ins failed for MFA since 2026-11-09.' });
    const idle = identity('service_account', { upn: 'svc-c@contoso.com' }, {}, { verdict: 'no_activity' });
    const person = identity('human', {}, {}, { verdict: 'at_risk' });
    expect(failures(serviceAccount.evaluate(context([breaks, blocked, idle, person])))).toEqual([
      'svc-a@contoso.com: Automation signs in single-factor to Azure CLI (phase 2): 30 sign-ins.',
      'svc-b@contoso.com: 12 sign-ins failed for MFA since 2026-11-09.',
    ]);
    expect(serviceAccount.evaluate(context([idle, person]))).toEqual({ status: 'pass' });
  });
});

describe('password-grant-in-use', () => {
  it('fails every user object with ROPC sign-ins, whatever its class', () => {
    const a = identity('human', { upn: 'p@contoso.com', displayName: null }, { ropc: 3, total: 10, lastSeen: '2026-11-18T10:00:00.000Z' });
    const b = identity('human', {}, { total: 10 });
    expect(failures(ropc.evaluate(context([a, b])))).toEqual(['p@contoso.com: ROPC on 3 of 10 sign-ins; last sign-in 2026-11-18']);
    expect(ropc.evaluate(context([b]))).toEqual({ status: 'pass' });
  });
});

describe('break-glass-without-phishing-resistant-mfa', () => {
  it('fails an emergency account judged at risk, passes a ready one', () => {
    const risky = identity('break_glass', { upn: 'bg2@contoso.com', displayName: null }, {}, { verdict: 'at_risk', reason: 'no method' });
    const fine = identity('break_glass', {}, {}, { verdict: 'ready' });
    expect(failures(breakGlass.evaluate(context([risky, fine])))).toEqual(['bg2@contoso.com: no method']);
    expect(breakGlass.evaluate(context([fine]))).toEqual({ status: 'pass' });
  });
});

describe('deleted-principal-holds-roles', () => {
  it('fails an assignment held by a deleted principal, passes live ones and groups', () => {
    const gone = identity('unknown', { kind: 'unknown', deleted: true, upn: null, displayName: null });
    const live = identity('service_principal', { kind: 'service_principal' });
    const a = [
      assignment({ identityId: gone.profile.id, role: 'Owner', principalObjectId: 'dead-1', principalType: 'Unknown' }),
      assignment({ identityId: live.profile.id, role: 'Reader' }),
      assignment({ identityId: null, principalType: 'Group', role: 'Reader' }),
    ];
    expect(failures(deletedPrincipal.evaluate(context([gone, live], a)))).toEqual([
      'Owner at /subscriptions/00000000-0000-4000-8000-000000000001: Azure role Owner (active) at /subscriptions/00000000-0000-4000-8000-000000000001 is still assigned to deleted principal dead-1',
    ]);
    expect(deletedPrincipal.evaluate(context([live], a.slice(1)))).toEqual({ status: 'pass' });
  });
});

describe('privileged-azure-role-on-machine-identity', () => {
  const owner = { system: 'azure' as const, role: 'Owner', scope: '/providers/Microsoft.Management/managementGroups/mg', scopeLevel: 'management_group', state: 'active' as const, privileged: true };
  it('fails a machine identity with a privileged role at management-group or subscription scope', () => {
    const sp = identity('service_principal', { kind: 'service_principal', displayName: 'Deployer', upn: null, roles: [owner] });
    const a = assignment({ identityId: sp.profile.id, role: 'Owner', scope: owner.scope, scopeLevel: 'management_group' });
    expect(failures(azurePrivileged.evaluate(context([sp], [a])))).toEqual([
      'Deployer: Owner on a management group (/providers/Microsoft.Management/managementGroups/mg) held by a service principal',
    ]);
  });

  it('passes the same role at resource-group scope, a reader, and a person who is Owner', () => {
    const rgOwner = { ...owner, scope: '/subscriptions/s/resourceGroups/rg', scopeLevel: 'resource_group' };
    const sp = identity('managed_identity', { kind: 'service_principal', roles: [rgOwner, { ...owner, role: 'Reader', privileged: false }] });
    const person = identity('human', { roles: [owner] });
    const a = [
      assignment({ identityId: sp.profile.id, role: 'Owner', scope: rgOwner.scope, scopeLevel: 'resource_group' }),
      assignment({ identityId: sp.profile.id, role: 'Reader', scope: owner.scope, scopeLevel: 'management_group' }),
      assignment({ identityId: person.profile.id, role: 'Owner', scope: owner.scope, scopeLevel: 'management_group' }),
    ];
    expect(azurePrivileged.evaluate(context([sp, person], a))).toEqual({ status: 'pass' });
  });
});

describe('privileged-entra-role-on-machine-identity', () => {
  it('fails a service principal with a privileged directory role and says when it is tier 0', () => {
    const pra = { system: 'entra' as const, role: 'Privileged Role Administrator', scope: '/', scopeLevel: 'tenant', state: 'active' as const, privileged: true };
    const sp = identity('service_principal', { kind: 'service_principal', displayName: 'Automation', upn: null, roles: [pra] });
    const a = assignment({ identityId: sp.profile.id, system: 'entra', role: 'Privileged Role Administrator', roleDefinitionId: 'e8611ab8-c189-46e8-94e1-60213ab1f814', scope: '/', scopeLevel: 'tenant' });
    expect(failures(entraPrivileged.evaluate(context([sp], [a])))).toEqual([
      'Automation: Privileged Role Administrator (active, tier 0: a path to Global Administrator) held by a service principal',
    ]);
    const reader = identity('service_principal', { kind: 'service_principal', roles: [{ ...pra, role: 'Directory Readers', privileged: false }] });
    expect(entraPrivileged.evaluate(context([reader], [assignment({ identityId: reader.profile.id, system: 'entra', role: 'Directory Readers' })]))).toEqual({ status: 'pass' });
  });
});

describe('human-use-of-machine-identity', () => {
  it('fails a service account with interactive browser sign-ins, passes pure automation', () => {
    const used = identity('service_account', { upn: 'svc@contoso.com', displayName: null }, { interactive: 4, browserAgent: 3 });
    const pure = identity('service_account', {}, { nonInteractive: 300, automationAgent: 300 });
    expect(failures(humanUse.evaluate(context([used, pure])))).toEqual(['svc@contoso.com: 3 browser sign-ins (4 interactive) next to its automation']);
    expect(humanUse.evaluate(context([pure]))).toEqual({ status: 'pass' });
  });
});

describe('machine-identity-reuse', () => {
  it('fails a machine identity seen from many addresses or countries, never a person', () => {
    const shared = identity('service_principal', { kind: 'service_principal', displayName: 'Shared app', upn: null }, { total: 900, distinctIps: 25, distinctCountries: 2 });
    const travel = identity('human', {}, { distinctIps: 40, distinctCountries: 6 });
    const single = identity('managed_identity', { kind: 'service_principal' }, { total: 50, distinctIps: 1, distinctCountries: 1 });
    expect(failures(reuse.evaluate(context([shared, travel, single])))).toEqual(['Shared app: 900 sign-ins from 25 addresses in 2 countries']);
    expect(reuse.evaluate(context([travel, single]))).toEqual({ status: 'pass' });
  });
});

describe('evaluateRules', () => {
  it('skips a rule whose evidence was not imported, with the reason, instead of passing it', () => {
    const results = evaluateRules(context([], [], ['user_signins']));
    const byId = Object.fromEntries(results.map((r) => [r.ruleId, r]));
    expect(byId['break-glass-without-phishing-resistant-mfa']).toMatchObject({ status: 'skipped', reason: 'Skipped: no MFA registration data was imported.' });
    expect(byId['privileged-azure-role-on-machine-identity']).toMatchObject({ status: 'skipped', reason: 'Skipped: no Azure role assignments were imported.' });
    expect(byId['password-grant-in-use']).toMatchObject({ status: 'pass' });
  });

  it('reports a rule that throws as skipped with the error, and still runs the others', () => {
    const broken: Rule = { meta: { ...ropc.meta, id: 'broken-rule' }, evaluate: () => { throw new Error('boom'); } };
    const results = evaluateRules(context([]), [broken, ropc]);
    expect(results.map((r) => [r.ruleId, r.status, r.reason])).toEqual([
      ['broken-rule', 'skipped', 'The rule failed: boom'],
      ['password-grant-in-use', 'pass', null],
    ]);
  });
});

const GRAPH = '00000003-0000-0000-c000-000000000000';
const ROLE_MANAGEMENT_RW = '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8';
const USER_READ_ALL = 'df021288-bdef-4463-88db-98f22de89214';

describe('credential rules', () => {
  const app = identity('service_principal', { kind: 'service_principal', displayName: 'Payroll export', upn: null });
  const id = app.profile.id;

  it('secret-lifetime-too-long: a secret over the limit or without expiry fails, a short one and a certificate pass', () => {
    const creds = [
      credential({ identityId: id, displayName: 'ci', start: '2025-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' }),
      credential({ identityId: id, displayName: 'forever', start: '2024-01-01T00:00:00.000Z', end: '2299-12-31T05:00:00.000Z' }),
      credential({ identityId: id, displayName: 'short', start: '2026-09-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' }),
      credential({ identityId: id, type: 'certificate', start: '2024-01-01T00:00:00.000Z', end: '2034-01-01T00:00:00.000Z' }),
    ];
    expect(failures(secretLifetime.evaluate(context([app], [], undefined, { credentials: creds })))).toEqual([
      'Payroll export: Secret "ci" is valid for 730 days (2025-01-01 to 2027-01-01); the limit is 180',
      'Payroll export: Secret "forever" never expires',
    ]);
    expect(secretLifetime.evaluate(context([app], [], undefined, { credentials: creds.slice(2) }))).toEqual({ status: 'pass' });
  });

  it('expired-credential-present and credential-expiring-soon read the as-of date, not the clock', () => {
    const creds = [
      credential({ identityId: id, displayName: 'old', end: '2026-10-01T00:00:00.000Z' }),
      credential({ identityId: id, type: 'certificate', keyId: 'c-1', end: '2026-12-05T00:00:00.000Z' }),
      credential({ identityId: id, displayName: 'later', end: '2027-06-01T00:00:00.000Z' }),
      credential({ identityId: id, type: 'federated', end: null }),
    ];
    const ctx = context([app], [], undefined, { credentials: creds });
    expect(failures(expired.evaluate(ctx))).toEqual(['Payroll export: Secret "old" expired on 2026-10-01']);
    expect(failures(expiringSoon.evaluate(ctx))).toEqual(['Payroll export: Certificate key c-1 expires on 2026-12-05, in 14 days']);
    const fresh = context([app], [], undefined, { credentials: creds.slice(2) });
    expect(expired.evaluate(fresh)).toEqual({ status: 'pass' });
    expect(expiringSoon.evaluate(fresh)).toEqual({ status: 'pass' });
  });
});

describe('permission rules', () => {
  it('dangerous-graph-application-permission: a tier-0 Graph app role fails once, saying whether it was granted; User.Read.All passes', () => {
    const app = identity('service_principal', { kind: 'service_principal', displayName: 'Identity automation', upn: null });
    const perms = [
      { identityId: app.profile.id, resourceAppId: GRAPH, permissionId: ROLE_MANAGEMENT_RW, type: 'Role' as const, source: 'required' as const },
      { identityId: app.profile.id, resourceAppId: GRAPH, permissionId: ROLE_MANAGEMENT_RW, type: 'Role' as const, source: 'granted' as const },
      { identityId: app.profile.id, resourceAppId: GRAPH, permissionId: USER_READ_ALL, type: 'Role' as const, source: 'granted' as const },
    ];
    expect(failures(dangerousGraph.evaluate(context([app], [], undefined, { permissions: perms })))).toEqual([
      'Identity automation: RoleManagement.ReadWrite.Directory (Microsoft Graph application permission, granted with admin consent)',
    ]);
    expect(dangerousGraph.evaluate(context([app], [], undefined, { permissions: perms.slice(2) }))).toEqual({ status: 'pass' });
  });

  it('third-party-with-tenant-control: a vendor app with a tier-0 grant fails; an own app, a Microsoft app and a harmless vendor pass', () => {
    const vendor = identity('service_principal', { kind: 'service_principal', displayName: 'Vendor CSPM', upn: null, ownApp: false, appOwnerOrgId: '9a3b0000-0000-4000-8000-00000000abcd' });
    const own = identity('service_principal', { kind: 'service_principal', ownApp: true, appOwnerOrgId: '11111111-0000-4000-8000-000000000001' });
    const microsoft = identity('service_principal', { kind: 'service_principal', ownApp: false, appOwnerOrgId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a' });
    const grant = (identityId: number, permissionId: string) => ({ identityId, resourceAppId: GRAPH, permissionId, type: 'Role' as const, source: 'granted' as const });
    const perms = [grant(vendor.profile.id, ROLE_MANAGEMENT_RW), grant(own.profile.id, ROLE_MANAGEMENT_RW), grant(microsoft.profile.id, ROLE_MANAGEMENT_RW)];
    expect(failures(thirdParty.evaluate(context([vendor, own, microsoft], [], undefined, { permissions: perms })))).toEqual([
      'Vendor CSPM: Owned by tenant 9a3b0000-0000-4000-8000-00000000abcd; holds Graph RoleManagement.ReadWrite.Directory',
    ]);
    expect(thirdParty.evaluate(context([vendor], [], undefined, { permissions: [grant(vendor.profile.id, USER_READ_ALL)] }))).toEqual({ status: 'pass' });
  });
});

describe('ownership and lifecycle rules', () => {
  const owned = identity('service_principal', { kind: 'service_principal', displayName: 'Payroll Export', upn: null, ownApp: true });
  const orphan = identity('service_principal', { kind: 'service_principal', displayName: 'Expense Connector', upn: null, ownApp: true });
  const vendor = identity('service_principal', { kind: 'service_principal', ownApp: false, appOwnerOrgId: '9a3b0000-0000-4000-8000-00000000abcd' });
  const owner = (identityId: number, ownerObjectId: string) => ({ identityId, ownerObjectId, ownerUpn: null, ownerDisplayName: null, ownerType: 'user' });

  it('application-without-owners: an own application without owners fails; vendors are not asked for owners', () => {
    const ctx = context([owned, orphan, vendor], [], undefined, { owners: [owner(owned.profile.id, 'u-1')] });
    expect(failures(noOwners.evaluate(ctx))).toEqual(['Expense Connector: No owner in the exported application and service principal']);
    expect(noOwners.evaluate(context([owned, vendor], [], undefined, { owners: [owner(owned.profile.id, 'u-1')] }))).toEqual({ status: 'pass' });
  });

  it('application-without-owners is skipped, not failed, when the export carried no owners at all', () => {
    const results = evaluateRules(context([orphan], [], ['app_objects']));
    expect(results.find((r) => r.ruleId === 'application-without-owners')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/expand=owners/u) });
  });

  it('owner-disabled-deleted-or-guest: names why each owner cannot answer for the application', () => {
    const leaver = identity('human', { objectId: 'u-leaver', upn: 'leaver@contoso.com', displayName: null, accountEnabled: false });
    const guest = identity('guest', { objectId: 'u-guest', upn: 'g_fabrikam.com#EXT#@contoso.onmicrosoft.com', displayName: null, userType: 'guest' });
    const staff = identity('human', { objectId: 'u-staff', upn: 'staff@contoso.com' });
    const owners = [owner(owned.profile.id, 'u-leaver'), owner(owned.profile.id, 'u-guest'), owner(orphan.profile.id, 'u-staff')];
    expect(failures(badOwner.evaluate(context([owned, orphan, leaver, guest, staff], [], undefined, { owners })))).toEqual([
      'Payroll Export: Owner leaver@contoso.com is disabled',
      'Payroll Export: Owner g_fabrikam.com#EXT#@contoso.onmicrosoft.com is a guest',
    ]);
    expect(badOwner.evaluate(context([orphan, staff], [], undefined, { owners: owners.slice(2) }))).toEqual({ status: 'pass' });
  });

  it('federated-credential-broad-subject: a pull-request subject fails, a protected environment passes', () => {
    const gh = 'https://token.actions.githubusercontent.com';
    const creds = [
      credential({ identityId: owned.profile.id, type: 'federated', end: null, subject: 'repo:contoso/infrastructure:pull_request', issuer: gh }),
      credential({ identityId: owned.profile.id, type: 'federated', end: null, subject: 'repo:contoso/infrastructure:environment:production', issuer: gh }),
      credential({ identityId: owned.profile.id, type: 'federated', end: null, subject: 'system:serviceaccount:payments:payments-api', issuer: 'https://westeurope.oic.prod-aks.azure.com/t/x/' }),
    ];
    expect(failures(broadFic.evaluate(context([owned], [], undefined, { credentials: creds })))).toEqual([
      'Payroll Export: Subject "repo:contoso/infrastructure:pull_request" from https://token.actions.githubusercontent.com: any pull request of the repository, including changes nobody has reviewed, can obtain its token',
    ]);
    expect(broadFic.evaluate(context([owned], [], undefined, { credentials: creds.slice(1) }))).toEqual({ status: 'pass' });
  });

  it('unused-application-with-access: no sign-ins but a valid secret or a role fails; an expired secret alone or activity passes', () => {
    const idle = identity('service_principal', { kind: 'service_principal', displayName: 'Terraform Deployer (old)', upn: null, ownApp: true });
    const active = identity('service_principal', { kind: 'service_principal', ownApp: true }, { total: 40, servicePrincipal: 40 });
    const stale = identity('service_principal', { kind: 'service_principal', ownApp: true });
    const creds = [
      credential({ identityId: idle.profile.id, end: '2299-12-31T00:00:00.000Z' }),
      credential({ identityId: active.profile.id, end: '2299-12-31T00:00:00.000Z' }),
      credential({ identityId: stale.profile.id, end: '2025-01-01T00:00:00.000Z' }),
    ];
    const roles = [assignment({ identityId: idle.profile.id, role: 'Owner' })];
    expect(failures(unusedApp.evaluate(context([idle, active, stale], roles, undefined, { credentials: creds })))).toEqual([
      'Terraform Deployer (old): No sign-in by it or to it in the imported logs; holds 1 valid credential(s), 1 role assignment(s)',
    ]);
    expect(unusedApp.evaluate(context([active, stale], [], undefined, { credentials: creds.slice(1) }))).toEqual({ status: 'pass' });
    // A web application people sign in to is in use even if it never signs in itself.
    const web = identity('service_principal', { kind: 'service_principal', ownApp: true, appId: 'aaaaaaaa-0000-4000-8000-000000000001' });
    const ctx = context([web], [], undefined, { credentials: [credential({ identityId: web.profile.id, end: '2299-12-31T00:00:00.000Z' })] });
    expect(unusedApp.evaluate({ ...ctx, appIdsSignedInTo: new Set(['aaaaaaaa-0000-4000-8000-000000000001']) })).toEqual({ status: 'pass' });
  });
});

describe('secret hygiene and environment rules', () => {
  const app = identity('service_principal', { kind: 'service_principal', displayName: 'Power BI Refresh', upn: null, ownApp: true });
  const id = app.profile.id;

  it('several-active-secrets: two valid secrets fail, one valid and one expired pass', () => {
    const creds = [
      credential({ identityId: id, displayName: 'refresh', end: '2027-02-13T00:00:00.000Z' }),
      credential({ identityId: id, displayName: 'spare-do-not-use', end: '2028-08-21T00:00:00.000Z' }),
      credential({ identityId: id, displayName: 'old', end: '2026-01-01T00:00:00.000Z' }),
    ];
    expect(failures(severalSecrets.evaluate(context([app], [], undefined, { credentials: creds })))).toEqual(['Power BI Refresh: 2 valid secrets: "refresh", "spare-do-not-use"']);
    expect(severalSecrets.evaluate(context([app], [], undefined, { credentials: creds.filter((c) => c.displayName !== 'spare-do-not-use') }))).toEqual({ status: 'pass' });
  });

  it('secret-where-certificate-would-do: secrets only fails; a certificate or federated credential beside it passes; vendors are not judged', () => {
    const secret = credential({ identityId: id, displayName: 'refresh', end: '2027-02-13T00:00:00.000Z' });
    expect(failures(certWouldDo.evaluate(context([app], [], undefined, { credentials: [secret] })))).toEqual([
      'Power BI Refresh: 1 valid client secret, no certificate or federated credential',
    ]);
    const cert = credential({ identityId: id, type: 'certificate', end: '2028-01-01T00:00:00.000Z' });
    expect(certWouldDo.evaluate(context([app], [], undefined, { credentials: [secret, cert] }))).toEqual({ status: 'pass' });
    const vendor = identity('service_principal', { kind: 'service_principal', ownApp: false, appOwnerOrgId: '9a3b0000-0000-4000-8000-00000000abcd' });
    expect(certWouldDo.evaluate(context([vendor], [], undefined, { credentials: [credential({ identityId: vendor.profile.id, end: '2028-01-01T00:00:00.000Z' })] }))).toEqual({ status: 'pass' });
  });

  it('environment-isolation: a machine identity in prod and non-prod fails, reading a bare subscription from its named resource groups', () => {
    const sp = identity('service_principal', { kind: 'service_principal', displayName: 'Deploy', upn: null });
    const person = identity('human');
    const prodSub = '/subscriptions/11111111-0000-4000-8000-000000000001';
    const a = [
      assignment({ identityId: null, role: 'Reader', scope: `${prodSub}/resourceGroups/rg-payments-prod` }),
      assignment({ identityId: sp.profile.id, role: 'Contributor', scope: prodSub }),
      assignment({ identityId: sp.profile.id, role: 'Contributor', scope: '/subscriptions/22222222-0000-4000-8000-000000000002/resourceGroups/rg-sandbox' }),
      assignment({ identityId: person.profile.id, role: 'Owner', scope: prodSub }),
      assignment({ identityId: person.profile.id, role: 'Owner', scope: '/subscriptions/22222222-0000-4000-8000-000000000002/resourceGroups/rg-dev' }),
    ];
    expect(failures(environments.evaluate(context([sp, person], a)))).toEqual([
      `Deploy: Production: Contributor at ${prodSub}; non-production: Contributor at /subscriptions/22222222-0000-4000-8000-000000000002/resourceGroups/rg-sandbox`,
    ]);
    expect(environments.evaluate(context([sp, person], a.slice(0, 2)))).toEqual({ status: 'pass' });
  });
});

describe('credential-never-used', () => {
  it('fails a valid credential absent from the key ids the sign-ins used; says nothing when the logs carry no key ids', () => {
    const app = identity('service_principal', { kind: 'service_principal', displayName: 'Data Lake Ingestion', upn: null, ownApp: true }, { servicePrincipal: 96, total: 96, credentialKeyIds: ['k-live'] });
    const creds = [
      credential({ identityId: app.profile.id, keyId: 'k-live', end: '2028-01-01T00:00:00.000Z' }),
      credential({ identityId: app.profile.id, keyId: 'K-SPARE', displayName: 'spare', end: '2028-01-01T00:00:00.000Z' }),
      credential({ identityId: app.profile.id, keyId: 'k-expired', end: '2025-01-01T00:00:00.000Z' }),
    ];
    expect(failures(neverUsed.evaluate(context([app], [], undefined, { credentials: creds })))).toEqual([
      'Data Lake Ingestion: Secret "spare" (key K-SPARE) not used by any of 96 sign-ins, which used k-live',
    ]);
    const silent = identity('service_principal', { kind: 'service_principal' }, { servicePrincipal: 96, total: 96, credentialKeyIds: [] });
    expect(neverUsed.evaluate(context([silent], [], undefined, { credentials: [credential({ identityId: silent.profile.id, end: '2028-01-01T00:00:00.000Z' })] }))).toEqual({ status: 'pass' });
  });
});
