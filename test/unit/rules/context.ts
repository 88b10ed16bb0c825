import { ruleContext, type RuleInputs } from '../../../electron/engine/analysis/ruleInputs';
import type { IdentityProfile } from '../../../shared/classification/profile';
import type { IdentityClass } from '../../../shared/domain/vocabulary';
import type { Readiness } from '../../../shared/readiness/assess';
import {
  DEFAULT_RULE_SETTINGS,
  EVIDENCE_NEEDS,
  type EvidenceNeed,
  type RuleContext,
  type RuleCredential,
  type RuleIdentity,
  type RuleOwner,
  type RulePermission,
  type RuleRoleAssignment,
} from '../../../shared/rules/rule';
import { user } from '../shared/profiles';

let nextId = 1;

/** An identity for a rule test: a profile (see ../shared/profiles.ts), a class and, optionally, a verdict. */
export function identity(
  cls: IdentityClass,
  over: Partial<IdentityProfile> = {},
  signIns: Partial<IdentityProfile['signIns']> = {},
  readiness: Partial<Readiness> | null = null,
): RuleIdentity {
  const id = nextId++;
  return {
    profile: user({ id, ...over }, signIns),
    cls,
    readiness: readiness ? { verdict: 'ready', reason: '', surfaces: [], phase: null, blockedSince: null, ...readiness } : null,
  };
}

export function assignment(over: Partial<RuleRoleAssignment>): RuleRoleAssignment {
  return {
    identityId: null,
    system: 'azure',
    role: 'Reader',
    roleDefinitionId: null,
    scope: '/subscriptions/00000000-0000-4000-8000-000000000001',
    scopeLevel: 'subscription',
    state: 'active',
    principalType: 'User',
    principalObjectId: null,
    principalName: null,
    ...over,
  };
}

export function credential(over: Partial<RuleCredential> & { identityId: number }): RuleCredential {
  return { type: 'password', keyId: 'k-1', displayName: null, start: '2026-01-01T00:00:00.000Z', end: '2026-06-01T00:00:00.000Z', subject: null, issuer: null, ...over };
}

/** A snapshot with all evidence present unless said otherwise, assembled as the engine assembles its own. */
export function context(
  identities: RuleIdentity[],
  roleAssignments: RuleRoleAssignment[] = [],
  evidence: readonly EvidenceNeed[] = EVIDENCE_NEEDS,
  more: { credentials?: RuleCredential[]; permissions?: RulePermission[]; owners?: RuleOwner[] } = {},
): RuleContext {
  const inputs: RuleInputs = {
    roleAssignments,
    credentials: more.credentials ?? [],
    permissions: more.permissions ?? [],
    owners: more.owners ?? [],
    appIdsSignedInTo: new Set(),
    evidence: new Set(evidence),
    settings: DEFAULT_RULE_SETTINGS,
  };
  return ruleContext(identities, inputs, Date.parse('2026-11-20T23:59:59Z'));
}
