/**
 * How people sign in: a working day in their own time zone (office or home network), browser and
 * desktop apps with MFA mostly satisfied by a token claim, background token refreshes, the odd wrong
 * password or "keep me signed in" interrupt, evenings on the phone, and, for administrators, the
 * Azure portal and command-line tools.
 */
import { CLIENT, RESOURCE, type AppRef } from '../catalogue';
import { BROKER_UA, AUTOMATION_UA } from '../devices';
import type { UserSignIn } from '../events';
import type { Behaviour, Device, User } from '../model';
import type { Place } from '../places';
import { Rng } from '../prng';
import { HOUR, MINUTE, localToUtc, weekdayOfEpochDay } from '../time';
import { userEvent, type PlanContext } from './common';

type Person = Extract<Behaviour, { kind: 'person' }>;
type Guest = Extract<Behaviour, { kind: 'guest' }>;

interface Where {
  readonly ip: string;
  readonly place: Place;
}

const isMfaMethod = (m: string): boolean => m !== 'email';

/** Native-client user agent of a person's computer (browser for Linux, which has no broker). */
function nativeUa(device: Device): string {
  if (device.os === 'Windows10') return BROKER_UA.windows;
  if (device.os === 'MacOs') return BROKER_UA.msal;
  return device.userAgent;
}

export function planPersonDay(user: User, b: Person, localDay: number, ctx: PlanContext): UserSignIn[] {
  const rng = Rng.fork(ctx.seed, 'day', user.key, localDay);
  const zone = b.office.zone;
  const at = (localMinutes: number): number => localToUtc(zone, localDay, localMinutes);
  const out: UserSignIn[] = [];
  if (b.vacation && localDay >= b.vacation[0] && localDay <= b.vacation[1]) return out;
  const wd = weekdayOfEpochDay(localDay);
  const registered = user.mfa.methods.some(isMfaMethod);
  const rate = b.activity * ctx.personRate;
  // Optional activity is a Poisson count, so that its volume stays proportional to the requested rate.
  const times = (perDay: number): number => rng.poisson(perDay * ctx.personRate);
  const home: Where = { ip: rng.pick(b.homeIps), place: b.homeTown };
  const sessionId = rng.guid();
  const mfaRequired = !b.singleFactor;
  const claim = (): Pick<UserSignIn, 'mfaRequired' | 'mfaResult' | 'ca'> =>
    b.singleFactor ? { mfaRequired: false, mfaResult: '', ca: 'Not Applied' } : { mfaRequired, mfaResult: 'claim', ca: 'Success' };

  // Evenings and weekends: the phone refreshes mail now and then.
  const phoneRefreshes = (from: number, to: number, n: number): void => {
    if (!b.mobile) return;
    for (let i = 0; i < n; i++) {
      out.push(userEvent(user, 'nonInteractive', at(rng.range(from, to)), {
        client: CLIENT.outlookMobile, resource: RESOURCE.exchange, userAgent: b.mobile.userAgent, ...home, device: b.mobile, sessionId, ...claim(),
      }));
    }
  };
  // Weekends and the odd sick day: only the phone.
  if (wd === 0 || wd === 6 || rng.chance(0.03)) {
    phoneRefreshes(600, 1260, times(0.5));
    return out;
  }

  const inOffice = b.singleFactor || b.officeDays.has(wd);
  const where: Where = inOffice ? { ip: rng.pick(b.office.egressIps), place: b.office.place } : home;
  const start = Math.min(630, Math.max(390, 480 + rng.normal(0, 40)));
  const end = start + 510 + rng.normal(0, 45);
  const device = b.device;
  const browserish = device.os === 'Linux';

  // Interactive sign-ins: a password or PRT, MFA from the token or a fresh prompt, some interrupts.
  type Opts = { first?: boolean; protocol?: UserSignIn['protocol']; forceMfa?: boolean };
  const interactive = (t: number, client: AppRef, resource: AppRef, clientApp: UserSignIn['clientApp'], opts: Opts = {}): void => {
    const ua = clientApp === 'Browser' ? device.userAgent : nativeUa(device);
    const base = { client, resource, userAgent: ua, ...where, device, clientApp, sessionId, protocol: opts.protocol ?? 'oAuth2' } as const;
    const correlationId = rng.guid();
    if (!registered && rng.chance(0.12)) {
      // Registration campaign prompt the user keeps skipping.
      out.push(userEvent(user, 'interactive', t - rng.int(15, 50) * 1000, { ...base, code: 50072, correlationId, ca: 'Not Applied' }));
    }
    if (rng.chance(0.02)) out.push(userEvent(user, 'interactive', t - rng.int(30, 120) * 1000, { ...base, code: 50126, ...claim(), mfaResult: '' }));
    const fresh = mfaRequired && (opts.first ? rng.chance(0.35) : rng.chance(0.05));
    if (fresh && rng.chance(0.08)) out.push(userEvent(user, 'interactive', t - rng.int(20, 60) * 1000, { ...base, code: 50074, mfaRequired: true, ca: 'Success', correlationId }));
    if (rng.chance(0.04)) out.push(userEvent(user, 'interactive', t - rng.int(5, 25) * 1000, { ...base, code: 50140, ...claim(), correlationId }));
    const windowsSso = device.os === 'Windows10' && clientApp !== 'Browser';
    const mfa = opts.forceMfa
      ? ({ mfaRequired: true, mfaResult: 'completed', ca: 'Success' } as const)
      : { ...claim(), ...(fresh ? { mfaResult: 'completed' as const } : {}) };
    out.push(userEvent(user, 'interactive', t, { ...base, ...mfa, correlationId, incomingToken: windowsSso ? 'primaryRefreshToken' : 'none' }));
  };

  const nInteractive = rng.poisson(0.65 * rate);
  for (let i = 0; i < nInteractive; i++) {
    const t = at(i === 0 ? start + rng.range(0, 10) : rng.range(start, end));
    const pick = browserish
      ? rng.pick<[AppRef, AppRef, UserSignIn['clientApp']]>([[CLIENT.officeHome, RESOURCE.officeHome, 'Browser'], [CLIENT.teamsWeb, RESOURCE.teamsServices, 'Browser'], [RESOURCE.sharePoint, RESOURCE.sharePoint, 'Browser']])
      : rng.weighted<[AppRef, AppRef, UserSignIn['clientApp']]>([
          [[CLIENT.officeHome, RESOURCE.officeHome, 'Browser'], 30],
          [[RESOURCE.sharePoint, RESOURCE.sharePoint, 'Browser'], 15],
          [[CLIENT.teamsWeb, RESOURCE.teamsServices, 'Browser'], 8],
          [[CLIENT.outlook, RESOURCE.exchange, 'Mobile Apps and Desktop clients'], 22],
          [[CLIENT.teams, RESOURCE.teamsServices, 'Mobile Apps and Desktop clients'], 25],
        ]);
    interactive(t, pick[0], pick[1], pick[2], { first: i === 0 });
  }

  // Background refreshes by the desktop apps through the working day.
  const nRefresh = rng.poisson(1.1 * rate);
  for (let i = 0; i < nRefresh; i++) {
    const [client, resource] = rng.weighted<[AppRef, AppRef]>([
      [[CLIENT.teams, RESOURCE.graph], 30], [[CLIENT.teams, RESOURCE.teamsServices], 20], [[CLIENT.outlook, RESOURCE.exchange], 25],
      [[CLIENT.office, RESOURCE.sharePoint], 10], [[CLIENT.oneDriveSync, RESOURCE.sharePoint], 15],
    ]);
    out.push(userEvent(user, 'nonInteractive', at(rng.range(start, end)), {
      client: browserish ? CLIENT.teamsWeb : client, resource: browserish ? RESOURCE.teamsServices : resource,
      userAgent: browserish ? device.userAgent : nativeUa(device), clientApp: browserish ? 'Browser' : 'Mobile Apps and Desktop clients',
      ...where, device, sessionId, ...claim(), incomingToken: device.os === 'Windows10' ? 'primaryRefreshToken' : 'refreshToken',
    }));
  }
  phoneRefreshes(1140, 1350, times(0.7));

  // Administrators: Azure portal, Azure CLI and Azure PowerShell sessions.
  const adminSession = (client: AppRef, refreshUa: string, refreshMean: number): void => {
    const t = at(rng.range(start + 30, end - 60));
    const portal = client.id === CLIENT.azurePortal.id;
    if (portal && !registered) {
      // Phase 1 of mandatory MFA: the portal demands MFA this user cannot give.
      out.push(userEvent(user, 'interactive', t, { client, resource: RESOURCE.arm, userAgent: device.userAgent, clientApp: 'Browser', ...where, device, sessionId, code: 50079, mfaRequired: true, ca: 'Not Applied' }));
      return;
    }
    const protocol = client.id === CLIENT.azureCli.id && rng.chance(0.2) ? 'deviceCode' : 'oAuth2';
    // The portal always enforces MFA now, even for the admin who is otherwise let in on a password.
    interactive(t, client, RESOURCE.arm, portal ? 'Browser' : 'Mobile Apps and Desktop clients', { protocol, first: portal, forceMfa: portal && b.singleFactor });
    const n = rng.poisson(refreshMean * ctx.personRate);
    for (let i = 0; i < n; i++) {
      const resource = portal && rng.chance(0.4) ? RESOURCE.graph : RESOURCE.arm;
      const mfa = portal ? { mfaRequired: true, mfaResult: 'claim' as const, ca: 'Success' as const } : claim();
      out.push(userEvent(user, 'nonInteractive', t + rng.range(2, 150) * MINUTE, { client, resource, userAgent: refreshUa, clientApp: portal ? 'Browser' : 'Mobile Apps and Desktop clients', ...where, device, sessionId, ...mfa }));
    }
  };
  for (const tool of b.azure) {
    // Sessions per working day: the portal most days, the command-line tools now and then.
    const [client, refreshUa, perDay, refreshMean] =
      tool === 'portal'
        ? [CLIENT.azurePortal, device.userAgent, 0.6, 3]
        : tool === 'cli'
          ? // The CLI signs in through the browser or the Windows broker; its refreshes come from MSAL for Python.
            [CLIENT.azureCli, AUTOMATION_UA.pythonRequests, 0.3, 3]
          : [CLIENT.azurePowerShell, BROKER_UA.msal, 0.25, 2];
    for (let n = rng.poisson(perDay * (b.steady ? Math.max(1, ctx.personRate) : ctx.personRate)); n > 0; n--) adminSession(client, refreshUa, refreshMean);
  }
  return out;
}

export function planGuestDay(user: User, b: Guest, localDay: number, ctx: PlanContext): UserSignIn[] {
  const rng = Rng.fork(ctx.seed, 'day', user.key, localDay);
  const wd = weekdayOfEpochDay(localDay);
  const out: UserSignIn[] = [];
  const visits = wd === 0 || wd === 6 ? 0 : rng.poisson((b.visitsPerWeek / 5) * ctx.personRate);
  if (visits === 0) return out;
  const at = (m: number): number => localToUtc(b.zone, localDay, m);
  // MFA is done at home; Contoso's cross-tenant settings trust the home tenant's MFA claim.
  const common = { userAgent: b.device.userAgent, clientApp: 'Browser', ip: rng.pick(b.homeIps), place: b.home, device: b.device, sessionId: rng.guid(), mfaRequired: true, mfaResult: 'claim', ca: 'Success' } as const;
  const visit = (client: AppRef, resource: AppRef): void => {
    const t = at(rng.range(540, 1020));
    out.push(userEvent(user, 'interactive', t, { ...common, client, resource }));
    const n = rng.poisson(1.5 * ctx.personRate);
    for (let i = 0; i < n; i++) out.push(userEvent(user, 'nonInteractive', t + rng.range(1, 90) * MINUTE, { ...common, client, resource }));
  };
  for (let v = 0; v < visits; v++) {
    if (b.azurePortal && rng.chance(0.7)) visit(CLIENT.azurePortal, RESOURCE.arm);
    else if (rng.chance(0.6)) visit(RESOURCE.sharePoint, RESOURCE.sharePoint);
    else visit(CLIENT.teamsWeb, RESOURCE.teamsServices);
  }
  return out;
}

export function planBreakGlassDay(user: User, b: Extract<Behaviour, { kind: 'breakglass' }>, localDay: number, windowStartDay: number): UserSignIn[] {
  const out: UserSignIn[] = [];
  for (const test of b.tests) {
    if (windowStartDay + test.dayOffset !== localDay) continue;
    const t = localToUtc(b.office.zone, localDay, test.localMinutes);
    const base = { client: CLIENT.azurePortal, resource: RESOURCE.arm, userAgent: b.device.userAgent, clientApp: 'Browser', ip: b.office.egressIps[0] ?? '', place: b.office.place, device: b.device, sessionId: '' } as const;
    // Emergency accounts are excluded from Conditional Access; MFA here is the system enforcement.
    out.push(userEvent(user, 'interactive', t, { ...base, code: test.code, mfaRequired: true, mfaResult: test.mfa && test.code === 0 ? 'completed' : '', ca: 'Not Applied' }));
    if (test.code === 0) out.push(userEvent(user, 'nonInteractive', t + 3 * MINUTE + 12_000, { ...base, mfaRequired: true, mfaResult: 'claim' }));
  }
  return out;
}

export function planLeaverDay(user: User, b: Extract<Behaviour, { kind: 'leaver' }>, day: number, ctx: PlanContext): UserSignIn[] {
  const rng = Rng.fork(ctx.seed, 'day', user.key, day);
  const out: UserSignIn[] = [];
  const n = rng.poisson(b.perDay);
  for (let i = 0; i < n; i++) {
    out.push(userEvent(user, 'nonInteractive', day * 24 * HOUR + rng.range(0, 24) * HOUR, {
      client: CLIENT.outlookMobile, resource: RESOURCE.exchange, userAgent: b.device.userAgent, ip: b.ip, place: b.place, device: b.device, code: 50057,
    }));
  }
  return out;
}
