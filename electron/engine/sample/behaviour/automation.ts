/**
 * How automation behaves when it runs as a user: a password grant (ROPC, logged as interactive) on a
 * fixed schedule from one or two hosts, single-factor, a script user agent, and sometimes a token
 * refresh right after (non-interactive). The Entra Connect sync account refreshes every 30 minutes.
 */
import { CLIENT, RESOURCE } from '../catalogue';
import type { UserSignIn } from '../events';
import type { Behaviour, User } from '../model';
import { Rng } from '../prng';
import { planSchedule } from '../schedule';
import { userEvent, type PlanContext } from './common';

export function planAutomationDay(user: User, b: Extract<Behaviour, { kind: 'automation' }>, day: number, ctx: PlanContext): UserSignIn[] {
  const out: UserSignIn[] = [];
  b.jobs.forEach((job, j) => {
    const rng = Rng.fork(ctx.seed, 'day', user.key, j, day);
    // Fixed cadence: service accounts keep their schedule whatever the requested volume.
    for (const t of planSchedule(job.schedule, day, rng, 1)) {
      const failed = job.failure !== undefined && t >= job.failure.fromMs;
      const code = failed && job.failure ? job.failure.code : 0;
      const correlationId = rng.guid();
      const base = { client: job.client, userAgent: job.userAgent, ip: rng.pick(job.ips), place: job.place, correlationId } as const;
      if (job.protocol === 'ropc') {
        out.push(userEvent(user, 'interactive', t, { ...base, resource: job.resource, protocol: 'ropc', code, mfaRequired: failed, ca: failed ? 'Failure' : 'Not Applied' }));
      } else {
        out.push(userEvent(user, 'nonInteractive', t, { ...base, resource: job.resource, code, mfaRequired: failed, ca: failed ? 'Failure' : 'Not Applied' }));
      }
      if (failed || !job.followUps) continue;
      let next = t;
      for (let i = 0; i < job.followUps.count; i++) {
        next += rng.int(4, 90) * 1000;
        out.push(userEvent(user, 'nonInteractive', next, { ...base, resource: job.followUps.resource }));
      }
    }
  });
  return out;
}

export function planSyncDay(user: User, b: Extract<Behaviour, { kind: 'sync' }>, day: number, ctx: PlanContext): UserSignIn[] {
  const rng = Rng.fork(ctx.seed, 'day', user.key, day);
  return planSchedule({ kind: 'every', minutes: b.minutes, phaseMin: 11, jitterSec: 15 }, day, rng, 1).map((t) =>
    userEvent(user, 'nonInteractive', t, { client: CLIENT.aadConnect, resource: RESOURCE.aadGraph, userAgent: '', ip: b.ip, place: b.place }),
  );
}
