/**
 * User objects that are not ordinary employees: service accounts (user objects run by scripts),
 * break-glass accounts, the Entra Connect sync account, and B2B guests.
 */
import { CLIENT, RESOURCE } from './catalogue';
import { AUTOMATION_UA, laptop, unmanagedBrowser } from './devices';
import type { AutomationJob, Behaviour, MfaRegistration, User, UserClass } from './model';
import { EMAIL_ONLY, NO_MFA, uniqueUpn, type BuildContext } from './people';
import { AZURE_REGIONS, DATACENTER, DATACENTER_IPS, OFFICES, ZONES, azureIp, homeIp, type Place } from './places';
import { Rng } from './prng';
import { DAY, HOUR, type Zone } from './time';

interface AccountSpec {
  readonly key: string;
  readonly cls: UserClass;
  readonly local: string;
  readonly domain?: string;
  readonly displayName: string;
  readonly given?: string;
  readonly surname?: string;
  readonly jobTitle?: string;
  readonly department?: string;
  readonly synced?: boolean;
  readonly createdDaysAgo: number;
  readonly mfa?: MfaRegistration;
  readonly behaviour: Behaviour;
  readonly note: string;
}

function account(ctx: BuildContext, s: AccountSpec): User {
  const rng = Rng.fork(ctx.seed, s.key);
  const upn = uniqueUpn(ctx, s.local, s.domain ?? ctx.domain);
  return {
    key: s.key,
    cls: s.cls,
    id: rng.guid(),
    upn,
    signInUpn: upn,
    displayName: s.displayName,
    givenName: s.given ?? '',
    surname: s.surname ?? '',
    mail: s.domain ? '' : upn,
    userType: 'Member',
    jobTitle: s.jobTitle ?? '',
    department: s.department ?? '',
    companyName: '',
    accountEnabled: true,
    directorySynced: s.synced ?? false,
    createdMs: ctx.asOfMs - s.createdDaysAgo * DAY - rng.int(0, 86399) * 1000,
    office: null,
    telephoneNumber: '',
    mobilePhone: '',
    alternateEmail: '',
    creationType: '',
    invitationState: '',
    identityIssuer: ctx.initialDomain,
    homeTenantId: ctx.tenantId,
    mfa: s.mfa ?? NO_MFA,
    behaviour: s.behaviour,
    note: s.note,
  };
}

// Accounts created as service accounts carry no HR attributes; the person-like ones keep the job
// title of the employee they once were (or pretend to be).
const ropc = (j: Omit<AutomationJob, 'protocol'>): AutomationJob => ({ ...j, protocol: 'ropc' });

/**
 * Twelve user objects used by automation: half with telltale names, half that look like people.
 * All schedules are fixed (they do not scale with the requested volume): a cadence is an identity's
 * fingerprint, and the analyzer should see it whatever the sample size.
 */
export function makeServiceAccounts(ctx: BuildContext): User[] {
  const rng = Rng.fork(ctx.seed, 'service-accounts');
  const [dc1 = '192.0.2.10', dc2 = '192.0.2.21', dc3 = '192.0.2.22', dc4 = '192.0.2.35'] = DATACENTER_IPS;
  const devopsAgents = [azureIp(rng), azureIp(rng)];
  const aksEgress = azureIp(rng);
  const tfRunner = azureIp(rng);
  const pyWorker = azureIp(rng);
  const blockedFrom = ctx.windowStartMs + 19 * DAY + 9 * HOUR;
  const arm = RESOURCE.arm;
  const specs: AccountSpec[] = [
    {
      key: 'svc:backup', cls: 'service_account', local: 'svc-backup', displayName: 'svc-backup', synced: true, createdDaysAgo: 2210,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azurePowerShell, resource: arm, schedule: { kind: 'daily', atMin: 120, jitterSec: 60 }, followUps: { count: 1, resource: RESOURCE.storage }, userAgent: AUTOMATION_UA.windowsPowerShell, ips: [dc1], place: DATACENTER })] },
      note: 'service account: nightly 02:00 UTC ROPC via Azure PowerShell to ARM (will break)',
    },
    {
      key: 'svc:deploy', cls: 'service_account', local: 'sa-deploy', displayName: 'sa-deploy', createdDaysAgo: 1130,
      mfa: { methods: ['mobilePhone'], preferred: 'sms', systemPreferred: ['sms'], ssprRegistered: true },
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azureCli, resource: arm, schedule: { kind: 'bursts', perDay: 4, fromHour: 15, toHour: 24, size: [1, 1], spacingSec: 0, weekdays: true }, followUps: { count: 2, resource: arm }, userAgent: AUTOMATION_UA.pythonRequests, ips: devopsAgents, place: AZURE_REGIONS.eastUs })] },
      note: 'service account: pipeline az login -u/-p (ROPC) on weekdays from two build agents; a phone is registered, but nobody answers it (will break)',
    },
    {
      key: 'svc:terraform', cls: 'service_account', local: 'svc-terraform', displayName: 'svc-terraform', createdDaysAgo: 800,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azureCli, resource: arm, schedule: { kind: 'every', minutes: 120, phaseMin: 5, jitterSec: 60 }, userAgent: AUTOMATION_UA.terraform, ips: [tfRunner], place: AZURE_REGIONS.westEurope, failure: { fromMs: blockedFrom, code: 50076 } })] },
      note: 'service account: Terraform drift check every 2 h via ROPC; blocked with 50076 since day 20 of the window',
    },
    {
      key: 'svc:sqlexport', cls: 'service_account', local: 'svc-sqlexport', displayName: 'svc-sqlexport', synced: true, createdDaysAgo: 1650,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azureCli, resource: arm, schedule: { kind: 'daily', atMin: 90, jitterSec: 60 }, userAgent: AUTOMATION_UA.azureSdkPython, ips: [dc3], place: DATACENTER })] },
      note: 'service account: nightly 01:30 UTC UsernamePasswordCredential (ROPC) to ARM (will break)',
    },
    {
      key: 'svc:monitor', cls: 'service_account', local: 'svc-monitor', displayName: 'svc-monitor', createdDaysAgo: 950,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azurePowerShell, resource: arm, schedule: { kind: 'every', minutes: 15, jitterSec: 60 }, userAgent: AUTOMATION_UA.powerShell7, ips: [dc2], place: DATACENTER })] },
      note: 'service account: every 15 min (+-1 min) 24x7 ROPC via Azure PowerShell to ARM (will break)',
    },
    {
      key: 'svc:legacyftp', cls: 'service_account', local: 'svc-legacyftp', displayName: 'svc-legacyftp', synced: true, createdDaysAgo: 3100,
      behaviour: { kind: 'none' },
      note: 'service account: dormant, no sign-ins in the window',
    },
    {
      key: 'svc:reporting', cls: 'service_account', local: 'r.hughes', displayName: 'Reporting Robot', given: 'Robert', surname: 'Hughes', jobTitle: 'Financial Analyst', department: 'Finance', synced: true, createdDaysAgo: 1900,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azureCli, resource: arm, schedule: { kind: 'daily', atMin: 360, jitterSec: 60, weekdays: true }, followUps: { count: 2, resource: arm }, userAgent: AUTOMATION_UA.pythonRequests, ips: [dc4], place: DATACENTER })] },
      note: 'service account with a person-like UPN: a former analyst account renamed "Reporting Robot", weekday 06:00 UTC cost report via ROPC (will break)',
    },
    {
      key: 'svc:okafor', cls: 'service_account', local: 'd.okafor', displayName: 'Daniel Okafor', given: 'Daniel', surname: 'Okafor', jobTitle: 'Systems Administrator', department: 'IT', synced: true, createdDaysAgo: 2400,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azurePowerShell, resource: arm, schedule: { kind: 'every', minutes: 120, phaseMin: 10, jitterSec: 60 }, userAgent: AUTOMATION_UA.windowsPowerShell, ips: [dc3], place: DATACENTER, failure: { fromMs: 0, code: 50076 } })] },
      note: 'service account with a person-like UPN: a departed admin\'s account running a scheduled task every 2 h; every attempt fails 50076 (blocked)',
    },
    {
      key: 'svc:lindqvist', cls: 'service_account', local: 'p.lindqvist', displayName: 'Per Lindqvist', given: 'Per', surname: 'Lindqvist', jobTitle: 'Platform Engineer', department: 'IT', createdDaysAgo: 700,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azureCli, resource: arm, schedule: { kind: 'every', minutes: 120, phaseMin: 17, jitterSec: 60 }, userAgent: AUTOMATION_UA.goHttp, ips: [aksEgress], place: AZURE_REGIONS.westEurope })] },
      note: 'service account with a person-like UPN: a cost exporter in Kubernetes using an engineer\'s password, every 2 h (will break)',
    },
    {
      key: 'svc:novak', cls: 'service_account', local: 'a.novak', displayName: 'Anna Novak', given: 'Anna', surname: 'Novak', jobTitle: 'SharePoint Specialist', department: 'IT', synced: true, createdDaysAgo: 1500,
      mfa: EMAIL_ONLY,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.sharePointShell, resource: RESOURCE.sharePoint, schedule: { kind: 'daily', atMin: 180, jitterSec: 60 }, followUps: { count: 1, resource: RESOURCE.sharePoint }, userAgent: AUTOMATION_UA.windowsPowerShell, ips: [dc1], place: DATACENTER })] },
      note: 'service account with a person-like UPN: nightly SharePoint archiving script (not an Azure-enforced app)',
    },
    {
      key: 'svc:becker', cls: 'service_account', local: 't.becker', displayName: 'Thomas Becker', given: 'Thomas', surname: 'Becker', jobTitle: 'Messaging Engineer', department: 'IT', createdDaysAgo: 1320,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.exchangePowerShell, resource: RESOURCE.exchange, schedule: { kind: 'daily', atMin: 255, jitterSec: 60 }, userAgent: AUTOMATION_UA.powerShell7, ips: [dc2], place: DATACENTER })] },
      note: 'service account with a person-like UPN: nightly Exchange Online PowerShell mailbox report, holds Exchange Administrator',
    },
    {
      key: 'svc:moreau', cls: 'service_account', local: 'l.moreau', displayName: 'Lucas Moreau', given: 'Lucas', surname: 'Moreau', jobTitle: 'Software Engineer', department: 'Engineering', createdDaysAgo: 610,
      behaviour: { kind: 'automation', jobs: [ropc({ client: CLIENT.azureCli, resource: RESOURCE.keyVault, schedule: { kind: 'every', minutes: 240, phaseMin: 40, jitterSec: 60 }, userAgent: AUTOMATION_UA.azureSdkPython, ips: [pyWorker], place: AZURE_REGIONS.eastUs })] },
      note: 'service account with a person-like UPN: a worker reading Key Vault secrets with a developer\'s password every 4 h',
    },
  ];
  return specs.map((s) => account(ctx, s));
}

export function makeBreakGlass(ctx: BuildContext): User[] {
  const rng = Rng.fork(ctx.seed, 'break-glass');
  const seattle = OFFICES[0];
  if (!seattle) throw new Error('no offices');
  const device = laptop(rng, 'windowsEdge');
  const dom = ctx.initialDomain;
  return [
    account(ctx, {
      key: 'bg:01', cls: 'break_glass', local: 'emergency-access-01', domain: dom, displayName: 'Emergency Access Account 01', createdDaysAgo: 1400,
      mfa: { methods: ['passKeyDeviceBound'], preferred: 'none', systemPreferred: ['Fido2'], ssprRegistered: false },
      behaviour: { kind: 'breakglass', office: seattle, device, tests: [{ dayOffset: 9, localMinutes: 15 * 60 + 10, code: 0, mfa: true }] },
      note: 'break-glass with a FIDO2 security key; one quarterly test sign-in to the Azure portal',
    }),
    account(ctx, {
      key: 'bg:02', cls: 'break_glass', local: 'emergency-access-02', domain: dom, displayName: 'Emergency Access Account 02', createdDaysAgo: 1400,
      behaviour: { kind: 'breakglass', office: seattle, device, tests: [{ dayOffset: 9, localMinutes: 15 * 60 + 24, code: 50079, mfa: false }] },
      note: 'break-glass without any MFA method; its test sign-in to the Azure portal was interrupted (50079)',
    }),
  ];
}

export function makeSyncAccount(ctx: BuildContext): User {
  const hex = Rng.fork(ctx.seed, 'sync-suffix').hex(12);
  return account(ctx, {
    key: 'sync:dc01', cls: 'sync_account', local: `Sync_CONTOSO-DC01_${hex}`, domain: ctx.initialDomain,
    displayName: 'On-Premises Directory Synchronization Service Account', createdDaysAgo: 2600,
    behaviour: { kind: 'sync', minutes: 30, ip: '192.0.2.5', place: DATACENTER },
    note: 'Entra Connect sync account (non-interactive every 30 min)',
  });
}

interface GuestSpec {
  readonly given: string;
  readonly surname: string;
  readonly domain: string;
  readonly company: string;
  readonly home: Place;
  readonly zone: Zone;
  readonly visits: number;
  readonly azurePortal?: boolean;
  readonly pending?: boolean;
}

const CENTRAL: Zone = { id: 'America/Chicago', stdOffsetMin: -360, dst: 'us' };
const SYDNEY: Zone = { id: 'Australia/Sydney', stdOffsetMin: 660, dst: 'none' };

const GUESTS: readonly GuestSpec[] = [
  { given: 'Megan', surname: 'Bowen', domain: 'fabrikam.com', company: 'Fabrikam', home: { city: 'Dallas', state: 'Texas', country: 'US', asn: 7018 }, zone: CENTRAL, visits: 3, azurePortal: true },
  { given: 'Raj', surname: 'Malhotra', domain: 'fabrikam.com', company: 'Fabrikam', home: { city: 'Austin', state: 'Texas', country: 'US', asn: 11427 }, zone: CENTRAL, visits: 2, azurePortal: true },
  { given: 'Claire', surname: 'Dubois', domain: 'adatum.com', company: 'Adatum', home: { city: 'Paris', state: 'Paris', country: 'FR', asn: 3215 }, zone: ZONES.berlin, visits: 2 },
  { given: 'Tom', surname: 'Whitaker', domain: 'northwindtraders.com', company: 'Northwind Traders', home: { city: 'Toronto', state: 'Ontario', country: 'CA', asn: 812 }, zone: ZONES.eastern, visits: 1 },
  { given: 'Hana', surname: 'Yamamoto', domain: 'litwareinc.com', company: 'Litware', home: { city: 'Sydney', state: 'New South Wales', country: 'AU', asn: 1221 }, zone: SYDNEY, visits: 1 },
  { given: 'Jonas', surname: 'Berg', domain: 'woodgrovebank.com', company: 'Woodgrove Bank', home: { city: 'Stockholm', state: 'Stockholm', country: 'SE', asn: 3301 }, zone: ZONES.berlin, visits: 2 },
  { given: 'Alicia', surname: 'Romero', domain: 'proseware.com', company: 'Proseware', home: { city: 'Madrid', state: 'Madrid', country: 'ES', asn: 3352 }, zone: ZONES.berlin, visits: 1 },
  { given: 'Ben', surname: 'Carter', domain: 'relecloud.com', company: 'Relecloud', home: { city: 'Chicago', state: 'Illinois', country: 'US', asn: 7922 }, zone: CENTRAL, visits: 3 },
  { given: 'Sara', surname: 'Lindgren', domain: 'tailspintoys.com', company: 'Tailspin Toys', home: { city: 'Denver', state: 'Colorado', country: 'US', asn: 7922 }, zone: CENTRAL, visits: 1 },
  { given: 'Mark', surname: 'Ellis', domain: 'alpineskihouse.com', company: 'Alpine Ski House', home: { city: 'Vancouver', state: 'British Columbia', country: 'CA', asn: 852 }, zone: ZONES.pacific, visits: 2 },
  { given: 'Nadia', surname: 'Farouk', domain: 'wingtiptoys.com', company: 'Wingtip Toys', home: { city: 'Manchester', state: 'Manchester', country: 'GB', asn: 5089 }, zone: ZONES.london, visits: 1 },
  { given: 'Peter', surname: 'Grant', domain: 'fourthcoffee.com', company: 'Fourth Coffee', home: { city: 'Portland', state: 'Oregon', country: 'US', asn: 209 }, zone: ZONES.pacific, visits: 0, pending: true },
];

/** Home tenant of a guest's organisation: a stable id per domain. */
export const homeTenantOf = (seed: number, domain: string): string => Rng.fork(seed, 'tenant', domain).guid();

export function makeGuests(ctx: BuildContext): User[] {
  return GUESTS.map((g, i) => {
    const rng = Rng.fork(ctx.seed, 'guest', i);
    const local = `${g.given}.${g.surname}`.toLowerCase();
    const email = `${local}@${g.domain}`;
    const upn = uniqueUpn(ctx, `${local}_${g.domain}#EXT#`, ctx.initialDomain);
    const behaviour: Behaviour = g.pending
      ? { kind: 'none' }
      : { kind: 'guest', home: g.home, zone: g.zone, homeIps: [homeIp(rng)], visitsPerWeek: g.visits, azurePortal: g.azurePortal ?? false, device: unmanagedBrowser(rng) };
    return {
      key: `guest:${i}`,
      cls: 'guest',
      id: rng.guid(),
      upn,
      signInUpn: email,
      displayName: `${g.given} ${g.surname}`,
      givenName: g.given,
      surname: g.surname,
      mail: email,
      userType: 'Guest',
      jobTitle: '',
      department: '',
      companyName: g.company,
      accountEnabled: true,
      directorySynced: false,
      createdMs: ctx.asOfMs - rng.int(20, 1100) * DAY - rng.int(0, 86399) * 1000,
      office: null,
      telephoneNumber: '',
      mobilePhone: '',
      alternateEmail: '',
      creationType: 'Invitation',
      invitationState: g.pending ? 'PendingAcceptance' : 'Accepted',
      identityIssuer: 'ExternalAzureAD',
      homeTenantId: homeTenantOf(ctx.seed, g.domain),
      mfa: NO_MFA,
      behaviour,
      note: g.pending ? 'guest: invitation never accepted' : g.azurePortal ? 'guest consultant using the Azure portal (MFA from home tenant)' : 'guest collaborator (SharePoint / Teams)',
    };
  });
}
