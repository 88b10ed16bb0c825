/**
 * The workforce: ordinary employees, the administrators who use the Azure portal and CLIs, a few
 * leavers, and Svetlana V. Chen, a person whose legacy UPN starts with "svc" (so name-only
 * classification gets her wrong).
 */
import type { AzureTool, Behaviour, MfaRegistration, User } from './model';
import { DEPARTMENTS, GIVEN_NAMES, IT_TITLES, SURNAMES } from './names';
import { OFFICES, homeIp, type Office } from './places';
import { Rng } from './prng';
import { laptop, phone, type DeviceKind } from './devices';
import { DAY, epochDay } from './time';

export interface BuildContext {
  readonly seed: number;
  readonly tenantId: string;
  readonly domain: string;
  readonly initialDomain: string;
  readonly asOfMs: number;
  readonly windowStartMs: number;
  readonly scale: number;
  /** UPNs already taken, so generated names never collide with the scenario's named accounts. */
  readonly usedUpns: Set<string>;
}

/** Index-addressed roles of the first 20 people: the tenant's administrators. */
const ADMIN_TOOLS: readonly (readonly AzureTool[])[] = [
  ['portal', 'cli'], ['portal', 'cli', 'powershell'], ['portal'], ['portal', 'powershell'], ['portal'],
  ['portal'], ['portal', 'cli'], ['portal'], ['portal', 'powershell'], ['portal', 'cli'],
  ['portal'], ['portal'], ['portal', 'powershell'], ['portal'], ['portal'],
  ['portal', 'cli'], ['portal', 'cli'], ['portal', 'cli'], ['portal', 'cli', 'powershell'], ['portal', 'cli'],
];
export const ADMIN_COUNT = ADMIN_TOOLS.length;

/** Admin 17 has no MFA method: every Azure portal attempt is interrupted (blocked, phase 1) while the Azure CLI still takes a password (phase 2). */
export const UNREGISTERED_ADMIN = 17;
/** Admin 18 is MFA-registered but signs in single-factor from the office (trusted-location exclusion). */
export const SINGLE_FACTOR_REGISTERED_ADMIN = 18;
/** Employees who never registered MFA and sign in with a password from the office network. */
const UNREGISTERED_PEOPLE: ReadonlySet<number> = new Set([27, 41, 58, 73, 96, 121]);
/** Disabled leavers; the first one's phone keeps trying to refresh mail. */
export const LEAVERS: readonly number[] = [33, 88, 104, 140];

const clean = (s: string): string => s.toLowerCase().replace(/[^a-z]/gu, '');

export function uniqueUpn(ctx: BuildContext, local: string, domain = ctx.domain): string {
  let upn = `${local}@${domain}`;
  for (let n = 2; ctx.usedUpns.has(upn); n++) upn = `${local}${n}@${domain}`;
  ctx.usedUpns.add(upn);
  return upn;
}

export function registeredMfa(rng: Rng, opts: { windows: boolean; admin: boolean }): MfaRegistration {
  const methods = ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'];
  if (rng.chance(0.4)) methods.push('mobilePhone');
  if (opts.windows && rng.chance(0.7)) methods.push('windowsHelloForBusiness');
  if (opts.admin && rng.chance(0.35)) methods.push('passKeyDeviceBound');
  if (rng.chance(0.3)) methods.push('email');
  return { methods, preferred: 'push', systemPreferred: ['push'], ssprRegistered: true };
}

export const NO_MFA: MfaRegistration = { methods: [], preferred: 'none', systemPreferred: [], ssprRegistered: false };
/** Email is an SSPR method only: registered for password reset, still not MFA-capable. */
export const EMAIL_ONLY: MfaRegistration = { methods: ['email'], preferred: 'none', systemPreferred: [], ssprRegistered: true };

function deviceKind(rng: Rng, department: string): DeviceKind {
  if (department === 'Engineering' || department === 'IT') {
    return rng.weighted<DeviceKind>([['windowsEdge', 40], ['macChrome', 25], ['macSafari', 10], ['linuxFirefox', 15], ['windowsChrome', 10]]);
  }
  return rng.weighted<DeviceKind>([['windowsEdge', 65], ['windowsChrome', 15], ['macSafari', 15], ['macChrome', 5]]);
}

function officeDays(rng: Rng): Set<number> {
  return new Set(rng.weighted<number[]>([[[1, 2, 3, 4, 5], 20], [[2, 3, 4], 40], [[2, 4], 25], [[], 15]]));
}

export interface PersonOverrides {
  readonly key?: string;
  readonly given?: string;
  readonly surname?: string;
  readonly displayName?: string;
  readonly local?: string;
  readonly department?: string;
  readonly jobTitle?: string;
  readonly office?: Office;
  readonly note?: string;
}

/** One employee. Everything random about them comes from their own stream, keyed by index. */
export function makePerson(ctx: BuildContext, index: number, o: PersonOverrides = {}): User {
  const key = o.key ?? `person:${index}`;
  const rng = Rng.fork(ctx.seed, key);
  const admin = index >= 0 && index < ADMIN_COUNT;
  const given = o.given ?? rng.pick(GIVEN_NAMES);
  const surname = o.surname ?? rng.pick(SURNAMES);
  const dept = admin ? { name: 'IT', titles: IT_TITLES } : rng.weighted(DEPARTMENTS.map((d) => [d, d.weight] as const));
  const department = o.department ?? dept.name;
  const jobTitle = o.jobTitle ?? rng.pick(dept.titles);
  const office = o.office ?? rng.weighted(OFFICES.map((x) => [x, x.weight] as const));
  const upn = uniqueUpn(ctx, o.local ?? `${clean(given)}.${clean(surname)}`);
  const kind = deviceKind(rng, department);
  const device = laptop(rng, kind);
  const mobile = rng.chance(0.65) ? phone(rng) : null;

  const unregistered = index === UNREGISTERED_ADMIN || UNREGISTERED_PEOPLE.has(index);
  const singleFactor = unregistered || index === SINGLE_FACTOR_REGISTERED_ADMIN;
  const mfa = unregistered ? (rng.chance(0.5) ? EMAIL_ONLY : NO_MFA) : registeredMfa(rng, { windows: device.os === 'Windows10', admin });
  const leaver = LEAVERS.indexOf(index);

  const homeTown = rng.pick(office.homeTowns);
  const homeIps = [homeIp(rng), ...(rng.chance(0.3) ? [homeIp(rng)] : [])];
  const windowStartDay = epochDay(ctx.windowStartMs);
  const vacationStart = windowStartDay + rng.int(-3, 27);
  const vacation: readonly [number, number] | null = rng.chance(0.3) ? [vacationStart, vacationStart + rng.int(4, 8)] : null;
  const activity = Math.exp(rng.normal(0, 0.35));
  const createdMs = ctx.asOfMs - rng.int(60, 2900) * DAY - rng.int(0, 86399) * 1000;

  let behaviour: Behaviour = {
    kind: 'person',
    office,
    homeTown,
    homeIps,
    officeDays: officeDays(rng),
    device,
    mobile,
    activity,
    azure: admin ? (ADMIN_TOOLS[index] ?? []) : [],
    singleFactor,
    vacation,
    steady: index === UNREGISTERED_ADMIN || index === SINGLE_FACTOR_REGISTERED_ADMIN,
  };
  if (leaver === 0) behaviour = { kind: 'leaver', ip: homeIps[0] ?? homeIp(rng), place: homeTown, device: mobile ?? phone(rng), perDay: 2 };
  else if (leaver > 0) behaviour = { kind: 'none' };

  const note =
    o.note ??
    (leaver >= 0
      ? 'leaver: account disabled'
      : index === UNREGISTERED_ADMIN
        ? 'admin without MFA: the Azure portal interrupts every attempt (blocked); single-factor Azure CLI sign-ins (at risk in phase 2)'
        : index === SINGLE_FACTOR_REGISTERED_ADMIN
          ? 'admin, MFA-registered, single-factor Azure CLI sign-ins from the office'
          : unregistered
            ? 'employee not registered for MFA, single-factor from the office'
            : admin
              ? 'administrator (Azure portal' + ((ADMIN_TOOLS[index] ?? []).length > 1 ? ' and CLI tools)' : ')')
              : 'employee');

  return {
    key,
    cls: 'human',
    id: rng.guid(),
    upn,
    signInUpn: upn,
    displayName: o.displayName ?? `${given} ${surname}`,
    givenName: given,
    surname,
    mail: upn,
    userType: 'Member',
    jobTitle,
    department,
    companyName: 'Contoso Ltd.',
    accountEnabled: leaver < 0,
    directorySynced: rng.chance(0.85),
    createdMs,
    office,
    telephoneNumber: `${office.phonePrefix}${String(rng.int(0, 10 ** office.phoneDigits - 1)).padStart(office.phoneDigits, '0')}`,
    mobilePhone: '',
    alternateEmail: '',
    creationType: '',
    invitationState: '',
    identityIssuer: ctx.initialDomain,
    homeTenantId: ctx.tenantId,
    mfa,
    behaviour,
    note,
  };
}

/** How many employees a run has: 150 by default, growing with the square root of larger volumes. */
export function peopleCount(scale: number): number {
  return scale <= 1 ? 150 : Math.round(150 * Math.sqrt(scale));
}

export function makeWorkforce(ctx: BuildContext, count: number): User[] {
  const people: User[] = [];
  for (let i = 0; i < count; i++) people.push(makePerson(ctx, i));
  // The person a name-only rule calls a service account: initials-based legacy UPN "svchen".
  const seattle = OFFICES[0];
  people.push(
    makePerson(ctx, -1, {
      key: 'person:svchen',
      given: 'Svetlana',
      surname: 'Chen',
      displayName: 'Svetlana V. Chen',
      local: 'svchen',
      department: 'IT',
      jobTitle: 'Service Desk Lead',
      ...(seattle ? { office: seattle } : {}),
      note: 'a person whose UPN starts with "svc" (legacy initials-based UPN); behaves like a person',
    }),
  );
  return people;
}
