/**
 * Azure subscriptions, managed identities (system- and user-assigned) and the two third-party
 * multi-tenant applications that have service principals in Contoso.
 */
import { RESOURCE } from './catalogue';
import { certificate } from './credentials';
import type { ManagedIdentity, Schedule, Subscription, ThirdPartyApp, WorkloadJob } from './model';
import type { BuildContext } from './people';
import { Rng } from './prng';
import { DAY } from './time';

export function makeSubscriptions(ctx: BuildContext): { prod: Subscription; nonProd: Subscription; shared: Subscription } {
  const rng = Rng.fork(ctx.seed, 'subscriptions');
  return {
    prod: { id: rng.guid(), name: 'Contoso Production' },
    nonProd: { id: rng.guid(), name: 'Contoso Non-Production' },
    shared: { id: rng.guid(), name: 'Contoso Shared Services' },
  };
}

interface MiDraft {
  readonly key: string;
  readonly name: string;
  readonly type: 'systemAssigned' | 'userAssigned';
  /** Host resource (system-assigned) or the identity resource (user-assigned). */
  readonly armId: string;
  readonly associated: string;
  readonly federated?: boolean;
  readonly jobs: readonly Omit<WorkloadJob, 'uses' | 'ips' | 'place'>[];
  readonly createdDaysAgo: number;
  readonly note: string;
}

export function makeManagedIdentities(ctx: BuildContext, subs: { prod: Subscription; nonProd: Subscription }): ManagedIdentity[] {
  const p = `/subscriptions/${subs.prod.id}/resourceGroups`;
  const n = `/subscriptions/${subs.nonProd.id}/resourceGroups`;
  const uami = (base: string, rg: string, name: string): string => `${base}/${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
  const aks = `${p}/rg-aks-prod/providers/Microsoft.ContainerService/managedClusters/aks-contoso-prod`;
  const random = (perDay: number, extra: Partial<Extract<Schedule, { kind: 'random' }>> = {}): Schedule => ({ kind: 'random', perDay, ...extra });
  const every = (minutes: number, phaseMin = 0): Schedule => ({ kind: 'every', minutes, phaseMin, jitterSec: 30 });
  const drafts: MiDraft[] = [
    { key: 'vm-backup-01', name: 'vm-backup-01', type: 'systemAssigned', armId: `${p}/rg-backup-prod/providers/Microsoft.Compute/virtualMachines/vm-backup-01`, associated: '', createdDaysAgo: 900,
      jobs: [{ resource: RESOURCE.storage, schedule: every(240, 14) }], note: 'system-assigned (VM) writing backups to Storage' },
    { key: 'func-invoice-prod', name: 'func-invoice-prod', type: 'systemAssigned', armId: `${p}/rg-invoice-prod/providers/Microsoft.Web/sites/func-invoice-prod`, associated: '', createdDaysAgo: 600,
      jobs: [{ resource: RESOURCE.keyVault, schedule: random(6) }, { resource: RESOURCE.storage, schedule: every(240, 31) }], note: 'system-assigned (Function app)' },
    { key: 'logic-order-sync', name: 'logic-order-sync', type: 'systemAssigned', armId: `${p}/rg-integration-prod/providers/Microsoft.Logic/workflows/logic-order-sync`, associated: '', createdDaysAgo: 420,
      jobs: [{ resource: RESOURCE.graph, schedule: random(8) }], note: 'system-assigned (Logic App) calling Graph' },
    { key: 'aa-runbooks-prod', name: 'aa-runbooks-prod', type: 'systemAssigned', armId: `${p}/rg-automation-prod/providers/Microsoft.Automation/automationAccounts/aa-runbooks-prod`, associated: '', createdDaysAgo: 760,
      jobs: [{ resource: RESOURCE.arm, schedule: { kind: 'daily', atMin: 150, jitterSec: 120 } }, { resource: RESOURCE.arm, schedule: { kind: 'daily', atMin: 390, jitterSec: 120 } }], note: 'system-assigned (Automation account) with Owner on the production subscription' },
    { key: 'vm-jumpbox-01', name: 'vm-jumpbox-01', type: 'systemAssigned', armId: `${p}/rg-mgmt-prod/providers/Microsoft.Compute/virtualMachines/vm-jumpbox-01`, associated: '', createdDaysAgo: 1300,
      jobs: [], note: 'system-assigned (VM), no sign-ins in the window' },
    { key: 'adf-contoso-prod', name: 'adf-contoso-prod', type: 'systemAssigned', armId: `${p}/rg-data-prod/providers/Microsoft.DataFactory/factories/adf-contoso-prod`, associated: '', createdDaysAgo: 500,
      jobs: [{ resource: RESOURCE.storage, schedule: { kind: 'bursts', perDay: 1, fromHour: 1, toHour: 3, size: [1, 2], spacingSec: 90 } }, { resource: RESOURCE.keyVault, schedule: { kind: 'daily', atMin: 65, jitterSec: 60 } }], note: 'system-assigned (Data Factory)' },
    { key: 'id-payments-prod', name: 'id-payments-prod', type: 'userAssigned', armId: uami(p, 'rg-payments-prod', 'id-payments-prod'), associated: aks, federated: true, createdDaysAgo: 260,
      jobs: [{ resource: RESOURCE.keyVault, schedule: random(12) }], note: 'user-assigned, used by AKS pods through workload identity federation' },
    { key: 'id-aks-kubelet-prod', name: 'id-aks-kubelet-prod', type: 'userAssigned', armId: uami(p, 'MC_rg-aks-prod_aks-contoso-prod_westeurope', 'id-aks-kubelet-prod'),
      associated: `${p}/MC_rg-aks-prod_aks-contoso-prod_westeurope/providers/Microsoft.Compute/virtualMachineScaleSets/aks-nodepool1-31415926-vmss`, createdDaysAgo: 700,
      jobs: [{ resource: RESOURCE.arm, schedule: random(8) }], note: 'user-assigned kubelet identity (AcrPull)' },
    { key: 'id-github-runner', name: 'id-github-runner', type: 'userAssigned', armId: uami(n, 'rg-runners', 'id-github-runner'), associated: `${n}/rg-runners/providers/Microsoft.Compute/virtualMachineScaleSets/vmss-gh-runners`, createdDaysAgo: 330,
      jobs: [{ resource: RESOURCE.arm, schedule: { kind: 'bursts', perDay: 4, fromHour: 15, toHour: 24, size: [2, 4], spacingSec: 40, weekdays: true } }], note: 'user-assigned on self-hosted runners, Contributor on non-production' },
    { key: 'id-shared-keyvault-reader', name: 'id-shared-keyvault-reader', type: 'userAssigned', armId: uami(p, 'rg-shared-prod', 'id-shared-keyvault-reader'), associated: `${p}/rg-web-prod/providers/Microsoft.Web/sites/app-contoso-web`, createdDaysAgo: 540,
      jobs: [{ resource: RESOURCE.keyVault, schedule: random(8) }], note: 'user-assigned shared by web apps to read Key Vault' },
  ];
  return drafts.map((d) => {
    const rng = Rng.fork(ctx.seed, 'mi', d.key);
    const createdMs = ctx.asOfMs - d.createdDaysAgo * DAY - rng.int(0, 86399) * 1000;
    // Azure rolls the auto-managed certificate of a managed identity roughly every 90 days.
    const certStart = ctx.asOfMs - rng.int(5, 60) * DAY;
    return {
      key: d.key,
      displayName: d.name,
      type: d.type,
      spId: rng.guid(),
      appId: rng.guid(),
      armId: d.armId,
      associatedResourceId: d.associated || d.armId,
      certificate: certificate(rng, d.name, certStart, certStart + 90 * DAY),
      createdMs,
      federatedIssuer: d.federated ? `https://westeurope.oic.prod-aks.azure.com/${ctx.tenantId}/${rng.guid()}/` : null,
      // No IP or location: the managed-identity log rows for IMDS token requests carry none.
      jobs: d.jobs.map((j) => ({ ...j, uses: [], ips: [], place: null })),
      note: d.note,
    };
  });
}

export function makeThirdParty(ctx: BuildContext): ThirdPartyApp[] {
  const make = (key: string, displayName: string, publisher: string, homepage: string, graphRoles: ThirdPartyApp['graphRoles'], jobs: (ip: string) => WorkloadJob[], note: string): ThirdPartyApp => {
    const rng = Rng.fork(ctx.seed, 'third-party', key);
    return { key, displayName, publisher, homepage, appId: rng.guid(), spId: rng.guid(), ownerTenantId: rng.guid(), graphRoles, jobs: jobs(`192.0.2.${rng.int(200, 250)}`), note };
  };
  const ashburn = { city: 'Ashburn', state: 'Virginia', country: 'US', asn: 16509 };
  return [
    make('tailspin', 'Tailspin Cloud Backup', 'Tailspin Toys', 'https://backup.tailspintoys.com', ['Sites.Read.All', 'Files.Read.All', 'Mail.Read'],
      (ip) => [{ resource: RESOURCE.graph, schedule: { kind: 'every', minutes: 240, phaseMin: 44, jitterSec: 300 }, uses: [], ips: [ip], place: ashburn }],
      'third-party multi-tenant SaaS backup reading all mail and files'),
    make('northwind', 'Northwind Security Scanner', 'Northwind Traders', 'https://scanner.northwindtraders.com', ['Directory.Read.All', 'AuditLog.Read.All'],
      (ip) => [
        { resource: RESOURCE.graph, schedule: { kind: 'daily', atMin: 240, jitterSec: 600 }, uses: [], ips: [ip], place: ashburn },
        { resource: RESOURCE.arm, schedule: { kind: 'daily', atMin: 250, jitterSec: 600 }, uses: [], ips: [ip], place: ashburn },
      ],
      'third-party multi-tenant posture scanner with Reader on production'),
  ];
}
