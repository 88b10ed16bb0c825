/**
 * App-only sign-ins: service principals with secrets, certificates or federated credentials, managed
 * identities, and third-party multi-tenant apps. Each job follows its schedule scaled to the
 * requested volume; credential periods decide the key id, and expiry turns into 7000222 failures.
 */
import type { WorkloadSignIn } from '../events';
import type { ManagedIdentity, OwnApp, ThirdPartyApp, WorkloadJob } from '../model';
import { Rng } from '../prng';
import { planSchedule } from '../schedule';
import type { PlanContext } from './common';

interface Principal {
  readonly key: string;
  readonly spId: string;
  readonly spName: string;
  readonly appId: string;
  readonly appOwnerTenantId: string;
}

function planJobs(p: Principal, jobs: readonly WorkloadJob[], cat: WorkloadSignIn['cat'], day: number, ctx: PlanContext, msi: (rng: Rng) => WorkloadSignIn['msi']): WorkloadSignIn[] {
  const out: WorkloadSignIn[] = [];
  jobs.forEach((job, j) => {
    const rng = Rng.fork(ctx.seed, 'day', p.key, j, day);
    for (const t of planSchedule(job.schedule, day, rng, ctx.scale)) {
      const use = job.uses.find((u) => t >= u.fromMs && t < u.toMs);
      let code = 0;
      if (use?.expiresMs !== undefined && t >= use.expiresMs) code = 7000222;
      else if (job.errors && rng.chance(job.errors.rate)) code = job.errors.code;
      out.push({
        cat,
        t,
        ...p,
        keyId: use?.keyId ?? '',
        thumbprint: use?.thumbprint ?? '',
        resource: job.resource,
        ip: job.ips.length > 0 ? rng.pick(job.ips) : '',
        place: job.place,
        code,
        msi: msi(rng),
      });
    }
  });
  return out;
}

export function planAppDay(app: OwnApp, day: number, ctx: PlanContext): WorkloadSignIn[] {
  const p = { key: `app:${app.key}`, spId: app.spId, spName: app.displayName, appId: app.appId, appOwnerTenantId: ctx.tenant.tenantId };
  return planJobs(p, app.jobs, 'servicePrincipal', day, ctx, () => null);
}

export function planThirdPartyDay(app: ThirdPartyApp, day: number, ctx: PlanContext): WorkloadSignIn[] {
  const p = { key: `tp:${app.key}`, spId: app.spId, spName: app.displayName, appId: app.appId, appOwnerTenantId: app.ownerTenantId };
  return planJobs(p, app.jobs, 'servicePrincipal', day, ctx, () => null);
}

export function planManagedIdentityDay(mi: ManagedIdentity, day: number, ctx: PlanContext): WorkloadSignIn[] {
  // Which tenant owns a managed identity's app is not documented for this log; left empty rather than guessed.
  const p = { key: `mi:${mi.key}`, spId: mi.spId, spName: mi.displayName, appId: mi.appId, appOwnerTenantId: '' };
  return planJobs(p, mi.jobs, 'managedIdentity', day, ctx, (rng) => ({
    type: mi.type,
    associatedResourceId: mi.associatedResourceId,
    federatedTokenId: mi.federatedIssuer ? rng.guid() : '',
    federatedTokenIssuer: mi.federatedIssuer ?? '',
  }));
}
