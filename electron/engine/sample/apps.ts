/**
 * Contoso's own app registrations (and their service principals): what they can do, who owns them,
 * which credentials they hold, and how they sign in. Each entry is there to show the analyzer
 * something (the `note`).
 */
import { RESOURCE, type AppRef, type GraphRoleName } from './catalogue';
import { certificate, federated, secret, usesCertificate, usesFederation, usesSecret } from './credentials';
import type { CertificateCredential, CredentialUse, FederatedCredential, OwnApp, OwnerRef, PasswordCredential, Schedule, User, WorkloadJob } from './model';
import type { BuildContext } from './people';
import { AZURE_REGIONS, DATACENTER, DATACENTER_IPS, azureIp, type Place } from './places';
import { Rng } from './prng';
import { DAY } from './time';

interface AppDraft {
  readonly name: string;
  readonly description: string;
  readonly createdDaysAgo: number;
  readonly owners: readonly OwnerRef[];
  readonly graphRoles?: readonly GraphRoleName[];
  readonly passwords?: readonly PasswordCredential[];
  readonly certificates?: readonly CertificateCredential[];
  readonly federated?: readonly FederatedCredential[];
  readonly jobs?: readonly WorkloadJob[];
  readonly publicClient?: boolean;
  readonly redirectUris?: readonly string[];
  readonly note: string;
}

/** Looks up a workforce member by key; the scenario refers to people by role index, not by name. */
export type UserLookup = (key: string) => User;

export function makeOwnApps(ctx: BuildContext, person: UserLookup): OwnApp[] {
  const { seed, asOfMs: asOf, windowStartMs: w0 } = ctx;
  const w1 = asOf;
  const ago = (days: number): number => asOf - days * DAY;
  const own = (...keys: string[]): OwnerRef[] => keys.map((k) => ({ kind: 'user', user: person(k) }) as const);
  const [, dc2 = '192.0.2.21', dc3 = '192.0.2.22'] = DATACENTER_IPS;
  const apps: OwnApp[] = [];

  const add = (key: string, build: (rng: Rng) => AppDraft): OwnApp => {
    const rng = Rng.fork(seed, 'app', key);
    const ids = { objectId: rng.guid(), appId: rng.guid(), spId: rng.guid() };
    const d = build(rng);
    const app: OwnApp = {
      key,
      displayName: d.name,
      description: d.description,
      ...ids,
      createdMs: ago(d.createdDaysAgo) + rng.int(0, 86399) * 1000,
      signInAudience: 'AzureADMyOrg',
      owners: d.owners,
      passwords: d.passwords ?? [],
      certificates: d.certificates ?? [],
      federated: d.federated ?? [],
      graphRoles: d.graphRoles ?? [],
      publicClient: d.publicClient ?? false,
      redirectUris: d.redirectUris ?? [],
      jobs: d.jobs ?? [],
      note: d.note,
    };
    apps.push(app);
    return app;
  };
  const job = (resource: AppRef, schedule: Schedule, uses: CredentialUse[], ips: string[], place: Place | null, errors?: WorkloadJob['errors']): WorkloadJob =>
    errors ? { resource, schedule, uses, ips, place, errors } : { resource, schedule, uses, ips, place };
  const every = (minutes: number, extra: Partial<Extract<Schedule, { kind: 'every' }>> = {}): Schedule => ({ kind: 'every', minutes, jitterSec: 20, ...extra });
  const daily = (atMin: number, weekdays = false): Schedule => ({ kind: 'daily', atMin, jitterSec: 90, weekdays });

  add('hr-sync', (r) => {
    const s = secret(r, 'hr-sync-2026', ago(200), ago(200) + 730 * DAY);
    return { name: 'Contoso HR Sync', description: 'Provisions joiners and movers from Workday into Entra ID', createdDaysAgo: 1200, owners: own('person:4'), graphRoles: ['User.ReadWrite.All', 'Group.Read.All'], passwords: [s],
      jobs: [job(RESOURCE.graph, every(120, { phaseMin: 7 }), [usesSecret(s, w0, w1)], [dc2], DATACENTER)], note: 'secret with the portal maximum 2-year lifetime; privileged Graph write access' };
  });
  add('payroll', (r) => {
    const c = certificate(r, 'payroll-export.contoso.com', ago(100), ago(100) + 365 * DAY);
    return { name: 'Payroll Export', description: 'Nightly payroll extract to SharePoint', createdDaysAgo: 900, owners: own('person:60'), graphRoles: ['Sites.ReadWrite.All', 'User.Read.All'], certificates: [c],
      jobs: [job(RESOURCE.graph, daily(60), [usesCertificate(c, w0, w1)], [dc3], DATACENTER), job(RESOURCE.sharePoint, daily(62), [usesCertificate(c, w0, w1)], [dc3], DATACENTER)], note: 'certificate credential, nightly' };
  });
  const runners = (r: Rng): string[] => [azureIp(r), azureIp(r), azureIp(r)];
  add('gha-infra', (r) => {
    const issuer = 'https://token.actions.githubusercontent.com';
    const f = [federated(r, 'main-branch', issuer, 'repo:contoso/infrastructure:ref:refs/heads/main', 'Deployments from main'), federated(r, 'production-environment', issuer, 'repo:contoso/infrastructure:environment:production', 'Production environment with required reviewers')];
    return { name: 'GitHub Actions - infrastructure', description: 'Bicep deployments from contoso/infrastructure', createdDaysAgo: 420, owners: own('person:0', 'person:15'), federated: f,
      jobs: [job(RESOURCE.arm, { kind: 'bursts', perDay: 5, fromHour: 15, toHour: 24, size: [2, 4], spacingSec: 45, weekdays: true }, [usesFederation(w0, w1)], runners(r), AZURE_REGIONS.eastUs, { rate: 0.01, code: 700024 })],
      note: 'workload identity federation (GitHub Actions), no secrets' };
  });
  add('gha-plan', (r) => {
    const f = [federated(r, 'pull-requests', 'https://token.actions.githubusercontent.com', 'repo:contoso/infrastructure:pull_request', 'terraform plan on pull requests')];
    return { name: 'GitHub Actions - infrastructure PR plan', description: 'Runs plan/what-if on pull requests', createdDaysAgo: 300, owners: own('person:15'), federated: f,
      jobs: [job(RESOURCE.arm, { kind: 'bursts', perDay: 6, fromHour: 14, toHour: 24, size: [1, 2], spacingSec: 30, weekdays: true }, [usesFederation(w0, w1)], runners(r), AZURE_REGIONS.eastUs)],
      note: 'federated credential with an overly broad subject: any pull request (including from forks) gets a token, and the app holds Contributor on non-production' };
  });
  add('payments-aks', (r) => {
    const issuer = `https://westeurope.oic.prod-aks.azure.com/${ctx.tenantId}/${r.guid()}/`;
    const f = [federated(r, 'aks-payments-api', issuer, 'system:serviceaccount:payments:payments-api', 'AKS workload identity for payments-api')];
    return { name: 'payments-api (AKS workload)', description: 'Payments API pods reading Key Vault', createdDaysAgo: 250, owners: own('person:16'), federated: f,
      jobs: [job(RESOURCE.keyVault, { kind: 'random', perDay: 12 }, [usesFederation(w0, w1)], [azureIp(r)], AZURE_REGIONS.westEurope)], note: 'Kubernetes workload identity federation' };
  });
  add('invoice', (r) => {
    const s = secret(r, 'invoice', ago(1850), '2299-12-31T05:00:00Z');
    return { name: 'Invoice Processing', description: 'Reads the invoices@ mailbox and posts to the ERP', createdDaysAgo: 1850, owners: [], graphRoles: ['Mail.ReadWrite', 'Mail.Send'], passwords: [s],
      jobs: [job(RESOURCE.graph, every(60, { fromHour: 14, toHour: 24, weekdays: true }), [usesSecret(s, w0, w1)], [dc2], DATACENTER)], note: 'no owner; secret that never expires (2299); mailbox-wide mail permissions' };
  });
  add('intranet', (r) => {
    const s = secret(r, 'intranet', ago(741), w0 + 11 * DAY);
    return { name: 'Legacy Intranet Connector', description: 'Reads the directory for the old intranet phone book', createdDaysAgo: 2300, owners: own('person:88'), graphRoles: ['Directory.Read.All'], passwords: [s],
      jobs: [job(RESOURCE.graph, every(120, { phaseMin: 33 }), [usesSecret(s, w0, w1)], [dc3], DATACENTER)], note: 'owner has left (disabled); secret expired during the window, every sign-in since fails with 7000222' };
  });
  add('marketing', (r) => {
    const s = secret(r, 'marketing-2025', ago(716), asOf + 14 * DAY);
    return { name: 'Marketing Automation', description: 'Sends campaign mail on behalf of the marketing team', createdDaysAgo: 716, owners: own('person:22'), graphRoles: ['Mail.Send', 'User.Read.All'], passwords: [s],
      jobs: [job(RESOURCE.graph, daily(300), [usesSecret(s, w0, w1)], [azureIp(r)], AZURE_REGIONS.eastUs)], note: 'secret expiring in under 30 days; Mail.Send for every mailbox' };
  });
  add('spo-archiver', (r) => {
    const c = certificate(r, 'spo-archiver', ago(500), ago(500) + 3 * 365 * DAY);
    return { name: 'SharePoint Archiver', description: 'Moves stale sites to the archive', createdDaysAgo: 1300, owners: [], graphRoles: ['Sites.FullControl.All'], certificates: [c],
      jobs: [job(RESOURCE.sharePoint, daily(210), [usesCertificate(c, w0, w1)], [dc3], DATACENTER)], note: 'no owner; Sites.FullControl.All; 3-year certificate' };
  });
  add('servicenow', (r) => {
    const s = secret(r, 'servicenow', ago(320), ago(320) + 730 * DAY);
    return { name: 'ServiceNow Integration', description: 'User and group lookup for ServiceNow', createdDaysAgo: 1000, owners: own('person:5'), graphRoles: ['User.Read.All', 'Group.Read.All'], passwords: [s],
      jobs: [job(RESOURCE.graph, every(120, { phaseMin: 51 }), [usesSecret(s, w0, w1)], ['192.0.2.140'], { city: 'Santa Clara', state: 'California', country: 'US', asn: 19551 })], note: 'ordinary read-only integration' };
  });
  add('identity-automation', (r) => {
    const s = secret(r, 'idauto', ago(150), ago(150) + 365 * DAY);
    return { name: 'Contoso Identity Automation', description: 'Creates app registrations and assigns roles for the platform team', createdDaysAgo: 640, owners: own('person:1'), graphRoles: ['Application.ReadWrite.All', 'RoleManagement.ReadWrite.Directory', 'Directory.ReadWrite.All'], passwords: [s],
      jobs: [job(RESOURCE.graph, { kind: 'random', perDay: 2, fromHour: 15, toHour: 23, weekdays: true }, [usesSecret(s, w0, w1)], [dc2], DATACENTER)], note: 'tier-0 Graph permissions and Privileged Role Administrator, secret credential' };
  });
  add('backup-reporting', (r) => {
    const old = secret(r, 'backup-reporting-old', ago(600), ago(600) + 730 * DAY);
    const rotatedAt = w0 + 15 * DAY + 10 * 3_600_000;
    const current = secret(r, 'backup-reporting-2026', rotatedAt, rotatedAt + 365 * DAY);
    const uses: CredentialUse[] = [
      { keyId: old.keyId, thumbprint: null, fromMs: w0, toMs: rotatedAt },
      { keyId: current.keyId, thumbprint: null, fromMs: rotatedAt, toMs: w1 },
    ];
    // The old secret was deleted at rotation: its key id shows in sign-ins but is no longer on the app.
    return { name: 'Backup Reporting', description: 'Collects backup job status from Azure', createdDaysAgo: 900, owners: own('person:2'), passwords: [current],
      jobs: [job(RESOURCE.arm, every(180, { phaseMin: 12 }), uses, [dc2], DATACENTER)], note: 'secret rotated mid-window; earlier sign-ins carry a key id that is no longer on the app' };
  });
  add('defender-export', (r) => {
    const c = certificate(r, 'defender-export', ago(200), ago(200) + 730 * DAY);
    return { name: 'Defender Export', description: 'Ships security alerts to the SIEM', createdDaysAgo: 700, owners: own('person:6'), graphRoles: ['SecurityEvents.Read.All', 'AuditLog.Read.All'], certificates: [c],
      jobs: [job(RESOURCE.graph, every(240, { phaseMin: 3 }), [usesCertificate(c, w0, w1)], [azureIp(r)], AZURE_REGIONS.westUs2)], note: 'certificate credential' };
  });
  add('powerbi-refresh', (r) => {
    const used = secret(r, 'refresh', ago(280), ago(280) + 365 * DAY);
    const spare = secret(r, 'spare-do-not-use', ago(90), ago(90) + 730 * DAY);
    return { name: 'Power BI Refresh', description: 'Refreshes finance datasets', createdDaysAgo: 800, owners: own('person:13'), graphRoles: ['Reports.Read.All'], passwords: [used, spare],
      jobs: [job(RESOURCE.powerBi, daily(360), [usesSecret(used, w0, w1)], [azureIp(r)], AZURE_REGIONS.westUs2)], note: 'holds a second secret that is never used' };
  });
  add('tf-old', (r) => {
    const s = secret(r, 'terraform', ago(1700), '9999-12-31T23:59:59.9999999Z');
    return { name: 'Terraform Deployer (old)', description: 'Superseded by GitHub Actions - infrastructure', createdDaysAgo: 1700, owners: [], passwords: [s], note: 'dormant, no owner, non-expiring secret, Owner on the Contoso management group' };
  });
  add('customer-portal', (r) => {
    const s = secret(r, 'web', ago(400), ago(400) + 730 * DAY);
    return { name: 'Contoso Customer Portal', description: 'Customer-facing web portal (sign-in only)', createdDaysAgo: 1100, owners: own('person:30'), passwords: [s], redirectUris: ['https://portal.contoso.com/signin-oidc'], note: 'web app: its secret redeems user sign-in codes, no app-only sign-ins' };
  });
  add('ado-prod', (r) => {
    const s = secret(r, 'ado-prod', ago(530), ago(530) + 730 * DAY);
    return { name: 'Azure DevOps Service Connection - prod', description: 'contoso/platform service connection', createdDaysAgo: 530, owners: own('person:0'), passwords: [s],
      jobs: [job(RESOURCE.arm, { kind: 'bursts', perDay: 3, fromHour: 15, toHour: 24, size: [1, 3], spacingSec: 60, weekdays: true }, [usesSecret(s, w0, w1)], runners(r), AZURE_REGIONS.eastUs)], note: 'secret-based service connection with Contributor on production' };
  });
  add('ado-nonprod', (r) => {
    const f = [federated(r, 'ado-nonprod', `https://vstoken.dev.azure.com/${r.guid()}`, 'sc://contoso/platform/nonprod-connection', 'Azure DevOps workload identity federation')];
    return { name: 'Azure DevOps Service Connection - nonprod', description: 'contoso/platform service connection', createdDaysAgo: 210, owners: own('person:0'), federated: f,
      jobs: [job(RESOURCE.arm, { kind: 'bursts', perDay: 5, fromHour: 15, toHour: 24, size: [1, 2], spacingSec: 60, weekdays: true }, [usesFederation(w0, w1)], runners(r), AZURE_REGIONS.eastUs)], note: 'Azure DevOps workload identity federation' };
  });
  add('grafana', (r) => {
    const s = secret(r, 'grafana', ago(410), ago(410) + 730 * DAY);
    return { name: 'Grafana Azure Monitor', description: 'Grafana data source for Azure Monitor', createdDaysAgo: 410, owners: own('person:19'), passwords: [s],
      jobs: [job(RESOURCE.arm, every(60, { phaseMin: 2 }), [usesSecret(s, w0, w1)], [azureIp(r)], AZURE_REGIONS.westEurope)], note: 'monitoring reader, frequent sign-ins' };
  });
  add('mobile', () => ({ name: 'Contoso Mobile App', description: 'Field sales mobile app', createdDaysAgo: 980, owners: own('person:31'), publicClient: true, redirectUris: ['msauth.com.contoso.fieldsales://auth'], note: 'public client, no credentials' }));
  add('helpdesk-bot', (r) => {
    const s = secret(r, 'bot', ago(120), ago(120) + 365 * DAY);
    return { name: 'IT Helpdesk Bot', description: 'Teams bot for password reset and ticket status', createdDaysAgo: 480, owners: own('person:svchen'), graphRoles: ['User.Read.All'], passwords: [s],
      jobs: [job(RESOURCE.graph, { kind: 'random', perDay: 8, fromHour: 14, toHour: 24, weekdays: true }, [usesSecret(s, w0, w1)], [azureIp(r)], AZURE_REGIONS.westUs2)], note: 'owned by the svc-named person' };
  });
  add('kv-rotation', (r) => {
    const c = certificate(r, 'kv-rotation', ago(60), ago(60) + 365 * DAY);
    return { name: 'Key Vault Secret Rotation', description: 'Rotates storage keys stored in Key Vault', createdDaysAgo: 560, owners: own('person:3'), certificates: [c],
      jobs: [job(RESOURCE.keyVault, daily(30), [usesCertificate(c, w0, w1)], [azureIp(r)], AZURE_REGIONS.westUs2)], note: 'certificate credential, nightly' };
  });
  add('expense', (r) => {
    const s = secret(r, 'expense', ago(1030), ago(300));
    return { name: 'Expense Connector', description: 'Old expense tool connector', createdDaysAgo: 1400, owners: [], graphRoles: ['User.Read.All'], passwords: [s], note: 'dormant, no owner, secret expired ten months ago' };
  });
  add('datalake', (r) => {
    const s = secret(r, 'ingest', ago(90), ago(90) + 730 * DAY);
    return { name: 'Data Lake Ingestion', description: 'Loads partner files into the data lake', createdDaysAgo: 600, owners: own('person:16'), passwords: [s],
      jobs: [job(RESOURCE.storage, every(120, { phaseMin: 25 }), [usesSecret(s, w0, w1)], [azureIp(r)], AZURE_REGIONS.westEurope, { rate: 0.004, code: 7000215 })], note: 'secret; occasional invalid-secret failures from a stale config' };
  });
  add('calendar-sync', (r) => {
    const s = secret(r, 'rooms', ago(45), ago(45) + 730 * DAY);
    return { name: 'Room Calendar Sync', description: 'Meeting room displays', createdDaysAgo: 760, owners: own('person:8'), graphRoles: ['Calendars.Read'], passwords: [s],
      jobs: [job(RESOURCE.graph, every(180, { phaseMin: 9 }), [usesSecret(s, w0, w1)], [dc2], DATACENTER)], note: 'Calendars.Read for every mailbox' };
  });
  return apps;
}
