/**
 * Who holds which role: Azure RBAC assignments across the management group, the subscriptions,
 * resource groups and single resources, and Entra directory roles. Includes what an auditor should
 * catch: automation user accounts with Contributor, a dormant app with Owner, deleted principals.
 */
import type { AzureRoleName, EntraRoleKey } from './catalogue';
import type { AzureAssignment, EntraAssignment, Group, ManagedIdentity, OwnApp, Principal, Subscription, ThirdPartyApp, User } from './model';
import { Rng } from './prng';

export interface Directory {
  readonly user: (key: string) => User;
  readonly app: (key: string) => OwnApp;
  readonly mi: (key: string) => ManagedIdentity;
  readonly thirdParty: (key: string) => ThirdPartyApp;
}

export function makeGroups(seed: number): Group[] {
  const rng = Rng.fork(seed, 'groups');
  return ['Azure Platform Admins', 'Azure Readers', 'Developers', 'Server Operators', 'Security Operations'].map((displayName) => ({ id: rng.guid(), displayName }));
}

export function makeAzureAssignments(
  seed: number,
  tenantId: string,
  subs: { prod: Subscription; nonProd: Subscription; shared: Subscription },
  groups: readonly Group[],
  d: Directory,
): { managementGroup: string; assignments: AzureAssignment[] } {
  const rng = Rng.fork(seed, 'azure-rbac');
  const root = `/providers/Microsoft.Management/managementGroups/${tenantId}`;
  const mg = '/providers/Microsoft.Management/managementGroups/mg-contoso';
  const prod = `/subscriptions/${subs.prod.id}`;
  const nonProd = `/subscriptions/${subs.nonProd.id}`;
  const shared = `/subscriptions/${subs.shared.id}`;
  const rg = (sub: string, name: string): string => `${sub}/resourceGroups/${name}`;
  const group = (name: string): Principal => {
    const g = groups.find((x) => x.displayName === name);
    if (!g) throw new Error(`no group ${name}`);
    return { kind: 'group', group: g };
  };
  const u = (key: string): Principal => ({ kind: 'user', user: d.user(key) });
  const a = (key: string): Principal => ({ kind: 'app', app: d.app(key) });
  const m = (key: string): Principal => ({ kind: 'managedIdentity', mi: d.mi(key) });
  const t = (key: string): Principal => ({ kind: 'thirdParty', app: d.thirdParty(key) });
  const deleted = (): Principal => ({ kind: 'deleted', objectId: rng.guid() });

  const rows: [string, AzureRoleName, Principal][] = [
    [root, 'Owner', u('bg:01')],
    [root, 'Owner', u('bg:02')],
    [mg, 'Owner', group('Azure Platform Admins')],
    [mg, 'Reader', group('Azure Readers')],
    [mg, 'Owner', a('tf-old')],
    [mg, 'Reader', u('person:13')],
    [prod, 'Owner', u('person:0')],
    [prod, 'Owner', u('person:1')],
    [prod, 'User Access Administrator', u('person:3')],
    [prod, 'Contributor', u('person:15')],
    [prod, 'Contributor', u('svc:deploy')],
    [prod, 'Contributor', u('svc:terraform')],
    [prod, 'Reader', u('svc:reporting')],
    [prod, 'Reader', u('svc:lindqvist')],
    [prod, 'Backup Contributor', u('svc:backup')],
    [prod, 'Monitoring Reader', u('svc:monitor')],
    [prod, 'Monitoring Reader', a('grafana')],
    [prod, 'Contributor', a('gha-infra')],
    [prod, 'Contributor', a('ado-prod')],
    [prod, 'Reader', a('backup-reporting')],
    [prod, 'Owner', m('aa-runbooks-prod')],
    [prod, 'Reader', t('northwind')],
    [prod, 'Contributor', deleted()],
    [rg(prod, 'rg-sql-prod'), 'SQL DB Contributor', u('svc:sqlexport')],
    [rg(prod, 'rg-servers-prod'), 'Virtual Machine Contributor', group('Server Operators')],
    [rg(prod, 'rg-invoice-prod'), 'Website Contributor', u('person:16')],
    [`${rg(prod, 'rg-payments-prod')}/providers/Microsoft.KeyVault/vaults/kv-payments-prod`, 'Key Vault Secrets User', m('id-payments-prod')],
    [`${rg(prod, 'rg-payments-prod')}/providers/Microsoft.KeyVault/vaults/kv-payments-prod`, 'Key Vault Secrets User', a('payments-aks')],
    [`${rg(prod, 'rg-invoice-prod')}/providers/Microsoft.KeyVault/vaults/kv-invoice-prod`, 'Key Vault Secrets User', m('func-invoice-prod')],
    [`${rg(prod, 'rg-shared-prod')}/providers/Microsoft.KeyVault/vaults/kv-shared-prod`, 'Key Vault Secrets User', m('id-shared-keyvault-reader')],
    [`${rg(prod, 'rg-shared-prod')}/providers/Microsoft.KeyVault/vaults/kv-shared-prod`, 'Key Vault Secrets User', u('svc:moreau')],
    [`${rg(prod, 'rg-shared-prod')}/providers/Microsoft.KeyVault/vaults/kv-shared-prod`, 'Key Vault Administrator', a('kv-rotation')],
    [`${rg(prod, 'rg-backup-prod')}/providers/Microsoft.Storage/storageAccounts/stcontosobackup`, 'Storage Blob Data Contributor', m('vm-backup-01')],
    [`${rg(prod, 'rg-data-prod')}/providers/Microsoft.Storage/storageAccounts/stcontosodatalake`, 'Storage Blob Data Contributor', m('adf-contoso-prod')],
    [`${rg(prod, 'rg-data-prod')}/providers/Microsoft.Storage/storageAccounts/stcontosodatalake`, 'Storage Blob Data Contributor', a('datalake')],
    [`${rg(prod, 'rg-invoice-prod')}/providers/Microsoft.Storage/storageAccounts/stinvoiceprod`, 'Storage Blob Data Contributor', m('func-invoice-prod')],
    [`${rg(prod, 'rg-aks-prod')}/providers/Microsoft.ContainerRegistry/registries/crcontosoprod`, 'AcrPull', m('id-aks-kubelet-prod')],
    [nonProd, 'Contributor', group('Developers')],
    [nonProd, 'Contributor', a('ado-nonprod')],
    [nonProd, 'Contributor', a('gha-plan')],
    [nonProd, 'Contributor', m('id-github-runner')],
    [nonProd, 'Contributor', u('svc:okafor')],
    [nonProd, 'Owner', u('guest:0')],
    [rg(nonProd, 'rg-sandbox'), 'Reader', u('guest:1')],
    [nonProd, 'Reader', deleted()],
    [shared, 'Owner', group('Azure Platform Admins')],
    [rg(shared, 'rg-connectivity'), 'Contributor', u('person:18')],
    [shared, 'Reader', group('Security Operations')],
  ];
  const assignments = rows.map(([scope, role, principal]) => ({ id: rng.guid(), scope, role, principal }));
  return { managementGroup: mg, assignments };
}

export function makeEntraAssignments(seed: number, groups: readonly Group[], d: Directory): EntraAssignment[] {
  const rng = Rng.fork(seed, 'entra-rbac');
  const u = (key: string): Principal => ({ kind: 'user', user: d.user(key) });
  const rows: [EntraRoleKey, Principal][] = [
    ['globalAdministrator', u('bg:01')],
    ['globalAdministrator', u('bg:02')],
    ['globalAdministrator', u('person:0')],
    ['globalAdministrator', u('person:1')],
    ['globalAdministrator', u('person:2')],
    ['privilegedRoleAdministrator', u('person:3')],
    ['userAdministrator', u('person:4')],
    ['userAdministrator', u('person:5')],
    ['securityAdministrator', u('person:6')],
    ['intuneAdministrator', u('person:7')],
    ['exchangeAdministrator', u('person:8')],
    ['applicationAdministrator', u('person:9')],
    ['cloudApplicationAdministrator', u('person:10')],
    ['conditionalAccessAdministrator', u('person:11')],
    ['hybridIdentityAdministrator', u('person:12')],
    ['globalReader', u('person:13')],
    ['globalReader', u('person:14')],
    ['helpdeskAdministrator', u('person:svchen')],
    ['exchangeAdministrator', u('svc:becker')],
    ['sharePointAdministrator', u('svc:novak')],
    ['globalReader', u('svc:reporting')],
    ['directorySynchronizationAccounts', u('sync:dc01')],
    ['privilegedRoleAdministrator', { kind: 'app', app: d.app('identity-automation') }],
    ['userAdministrator', { kind: 'app', app: d.app('hr-sync') }],
    ['securityReader', u('guest:0')],
    ['securityReader', { kind: 'group', group: groups.find((g) => g.displayName === 'Security Operations') ?? { id: rng.guid(), displayName: 'Security Operations' } }],
    ['globalReader', { kind: 'deleted', objectId: rng.guid() }],
  ];
  return rows.map(([role, principal]) => ({ role, principal }));
}
