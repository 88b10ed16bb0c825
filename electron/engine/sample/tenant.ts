/**
 * Assembles the fictional tenant "Contoso": workforce, special accounts, guests, apps, managed
 * identities, third-party apps, and role assignments. Pure data; no I/O.
 */
import { makeBreakGlass, makeGuests, makeServiceAccounts, makeSyncAccount } from './accounts';
import { makeOwnApps } from './apps';
import { makeManagedIdentities, makeSubscriptions, makeThirdParty } from './managed';
import type { Tenant, User } from './model';
import { makeWorkforce, peopleCount, type BuildContext } from './people';
import { Rng } from './prng';
import { makeAzureAssignments, makeEntraAssignments, makeGroups, type Directory } from './rbac';
import { DAY } from './time';

/**
 * Sign-ins the fixed schedules (service accounts, sync account, break-glass tests) produce in 30
 * days, and what everything else produces at scale 1. Measured with the default seed; they only
 * steer `scale` so that the total lands near the requested `signIns`.
 */
export const FIXED_SIGNINS_30_DAYS = 6300;
export const VARIABLE_SIGNINS_AT_SCALE_1 = 15800;

export function scaleFor(signIns: number, days: number): number {
  const fixed = (FIXED_SIGNINS_30_DAYS * days) / 30;
  const variable = (VARIABLE_SIGNINS_AT_SCALE_1 * days) / 30;
  return Math.max(0.02, (signIns - fixed) / variable);
}

export interface TenantOptions {
  readonly seed: number;
  readonly signIns: number;
  readonly asOfMs: number;
  readonly days: number;
}

function lookup<T>(items: readonly T[], keyOf: (t: T) => string, what: string): (key: string) => T {
  const map = new Map(items.map((i) => [keyOf(i), i] as const));
  return (key) => {
    const found = map.get(key);
    if (!found) throw new Error(`sample tenant has no ${what} "${key}"`);
    return found;
  };
}

export function buildTenant(o: TenantOptions): Tenant {
  const tenantId = Rng.fork(o.seed, 'tenant-id').guid();
  const scale = scaleFor(o.signIns, o.days);
  const ctx: BuildContext = {
    seed: o.seed,
    tenantId,
    domain: 'contoso.com',
    initialDomain: 'contoso.onmicrosoft.com',
    asOfMs: o.asOfMs,
    windowStartMs: o.asOfMs - o.days * DAY,
    scale,
    usedUpns: new Set(),
  };
  // Named accounts first, so that generated employees can never take their UPNs.
  const serviceAccounts = makeServiceAccounts(ctx);
  const breakGlass = makeBreakGlass(ctx);
  const sync = makeSyncAccount(ctx);
  const guests = makeGuests(ctx);
  const workforce = makeWorkforce(ctx, peopleCount(scale));
  const users: User[] = [...workforce, ...serviceAccounts, ...breakGlass, sync, ...guests];
  const user = lookup(users, (u) => u.key, 'user');

  const subscriptions = makeSubscriptions(ctx);
  const apps = makeOwnApps(ctx, user);
  const managedIdentities = makeManagedIdentities(ctx, subscriptions);
  const thirdParty = makeThirdParty(ctx);
  const groups = makeGroups(o.seed);
  const dir: Directory = {
    user,
    app: lookup(apps, (a) => a.key, 'app'),
    mi: lookup(managedIdentities, (m) => m.key, 'managed identity'),
    thirdParty: lookup(thirdParty, (t) => t.key, 'third-party app'),
  };
  const azure = makeAzureAssignments(o.seed, tenantId, subscriptions, groups, dir);
  return {
    seed: o.seed,
    tenantId,
    domain: ctx.domain,
    initialDomain: ctx.initialDomain,
    asOfMs: o.asOfMs,
    windowStartMs: ctx.windowStartMs,
    windowEndMs: o.asOfMs,
    scale,
    users,
    apps,
    managedIdentities,
    thirdParty,
    groups,
    subscriptions,
    managementGroup: azure.managementGroup,
    azureAssignments: azure.assignments,
    entraAssignments: makeEntraAssignments(o.seed, groups, dir),
  };
}
