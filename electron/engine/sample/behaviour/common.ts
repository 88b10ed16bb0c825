/** Shared helpers for the behaviour planners. */
import type { AppRef } from '../catalogue';
import type { UserCategory, UserSignIn } from '../events';
import type { Device, Tenant, User } from '../model';
import type { Place } from '../places';

export interface PlanContext {
  readonly tenant: Tenant;
  readonly seed: number;
  /** Multiplier on people's and workloads' rates (fixed schedules ignore it). */
  readonly scale: number;
  /** Per-person rate multiplier: part of the growth goes to more people, part to busier people. */
  readonly personRate: number;
}

/** Fields every user sign-in needs; the rest default to a successful single-factor script call. */
export interface UserEventInit {
  readonly client: AppRef;
  readonly resource: AppRef;
  readonly userAgent: string;
  readonly ip: string;
  readonly place: Place | null;
  readonly clientApp?: UserSignIn['clientApp'];
  readonly protocol?: UserSignIn['protocol'];
  readonly incomingToken?: UserSignIn['incomingToken'];
  readonly code?: number;
  readonly mfaRequired?: boolean;
  readonly mfaResult?: UserSignIn['mfaResult'];
  readonly ca?: UserSignIn['ca'];
  readonly device?: Device | null;
  readonly correlationId?: string | null;
  readonly sessionId?: string;
}

export function userEvent(user: User, cat: UserCategory, t: number, i: UserEventInit): UserSignIn {
  return {
    cat,
    t: Math.round(t),
    user,
    client: i.client,
    resource: i.resource,
    userAgent: i.userAgent,
    clientApp: i.clientApp ?? 'Mobile Apps and Desktop clients',
    protocol: i.protocol ?? (cat === 'interactive' ? 'oAuth2' : 'none'),
    incomingToken: i.incomingToken ?? (cat === 'interactive' ? 'none' : 'refreshToken'),
    ip: i.ip,
    place: i.place,
    code: i.code ?? 0,
    mfaRequired: i.mfaRequired ?? false,
    mfaResult: i.mfaResult ?? '',
    ca: i.ca ?? 'Not Applied',
    device: i.device ?? null,
    correlationId: i.correlationId ?? null,
    sessionId: i.sessionId ?? '',
  };
}
