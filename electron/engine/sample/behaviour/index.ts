/**
 * Plans one UTC day of sign-ins for the whole tenant, newest first (the order the portal lists and
 * downloads them). Memory is bounded by one day's events, whatever the length of the run.
 */
import type { SignIn } from '../events';
import type { Tenant, User } from '../model';
import { DAY, epochDay } from '../time';
import { planAutomationDay, planSyncDay } from './automation';
import type { PlanContext } from './common';
import { planBreakGlassDay, planGuestDay, planLeaverDay, planPersonDay } from './people';
import { planAppDay, planManagedIdentityDay, planThirdPartyDay } from './workloads';

export type { PlanContext } from './common';

export function planContext(tenant: Tenant): PlanContext {
  // Above scale 1 the growth is split: sqrt(scale) more people (people.ts), each sqrt(scale) busier.
  const personRate = tenant.scale > 1 ? Math.sqrt(tenant.scale) : tenant.scale;
  return { tenant, seed: tenant.seed, scale: tenant.scale, personRate };
}

/**
 * People live in their own time zone: a local working day can straddle two UTC days, so the local
 * days around the UTC day are planned (each deterministically) and clipped to it.
 */
function userDay(user: User, day: number, ctx: PlanContext): SignIn[] {
  const b = user.behaviour;
  const windowStartDay = epochDay(ctx.tenant.windowStartMs);
  switch (b.kind) {
    case 'person':
    case 'guest':
    case 'breakglass': {
      const out: SignIn[] = [];
      for (let local = day - 1; local <= day + 1; local++) {
        const events =
          b.kind === 'person' ? planPersonDay(user, b, local, ctx) : b.kind === 'guest' ? planGuestDay(user, b, local, ctx) : planBreakGlassDay(user, b, local, windowStartDay);
        for (const e of events) if (epochDay(e.t) === day) out.push(e);
      }
      return out;
    }
    case 'automation':
      return planAutomationDay(user, b, day, ctx);
    case 'sync':
      return planSyncDay(user, b, day, ctx);
    case 'leaver':
      return planLeaverDay(user, b, day, ctx);
    case 'none':
      return [];
  }
}

export function planUtcDay(ctx: PlanContext, day: number): SignIn[] {
  const { tenant } = ctx;
  const events: SignIn[] = [];
  const push = (list: readonly SignIn[]): void => {
    for (const e of list) if (e.t >= tenant.windowStartMs && e.t < tenant.windowEndMs && e.t >= day * DAY && e.t < (day + 1) * DAY) events.push(e);
  };
  for (const user of tenant.users) push(userDay(user, day, ctx));
  for (const app of tenant.apps) push(planAppDay(app, day, ctx));
  for (const tp of tenant.thirdParty) push(planThirdPartyDay(tp, day, ctx));
  for (const mi of tenant.managedIdentities) push(planManagedIdentityDay(mi, day, ctx));
  // Newest first; Array.prototype.sort is stable, so ties keep planning order and reruns match.
  return events.sort((a, b) => b.t - a.t);
}
