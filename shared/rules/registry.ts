import { rule as noOwners } from './checks/application-without-owners';
import { rule as breakGlass } from './checks/break-glass-without-phishing-resistant-mfa';
import { rule as environments } from './checks/environment-isolation';
import { rule as broadFic } from './checks/federated-credential-broad-subject';
import { rule as certWouldDo } from './checks/secret-where-certificate-would-do';
import { rule as severalSecrets } from './checks/several-active-secrets';
import { rule as badOwner } from './checks/owner-disabled-deleted-or-guest';
import { rule as unusedApp } from './checks/unused-application-with-access';
import { rule as expiringSoon } from './checks/credential-expiring-soon';
import { rule as neverUsed } from './checks/credential-never-used';
import { rule as dangerousGraph } from './checks/dangerous-graph-application-permission';
import { rule as expired } from './checks/expired-credential-present';
import { rule as secretLifetime } from './checks/secret-lifetime-too-long';
import { rule as thirdParty } from './checks/third-party-with-tenant-control';
import { rule as deletedPrincipal } from './checks/deleted-principal-holds-roles';
import { rule as humanUse } from './checks/human-use-of-machine-identity';
import { rule as reuse } from './checks/machine-identity-reuse';
import { rule as ropc } from './checks/password-grant-in-use';
import { rule as azurePrivileged } from './checks/privileged-azure-role-on-machine-identity';
import { rule as entraPrivileged } from './checks/privileged-entra-role-on-machine-identity';
import { rule as serviceAccount } from './checks/service-account-single-factor';
import type { Framework } from './frameworks/framework';
import { NIST_CSF_2 } from './frameworks/nistCsf2';
import { NIST_SP_800_207 } from './frameworks/nistSp800207';
import { OWASP_NHI_2025 } from './frameworks/owaspNhi2025';
import { RuleMetaSchema, type Rule } from './rule';

export const FRAMEWORKS: readonly Framework[] = [OWASP_NHI_2025, NIST_CSF_2, NIST_SP_800_207];

/**
 * Checks the registry's invariants: valid metadata, unique ids, every rule mapped in every
 * framework, every mapped id an existing rule. Throws with every problem at once.
 */
export function validateRegistry(rules: readonly Rule[], frameworks: readonly Framework[]): readonly Rule[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const r of rules) {
    const parsed = RuleMetaSchema.safeParse(r.meta);
    if (!parsed.success) problems.push(`${r.meta.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    if (ids.has(r.meta.id)) problems.push(`${r.meta.id}: id used twice`);
    ids.add(r.meta.id);
  }
  for (const f of frameworks) {
    const mapped = new Set(f.requirements.flatMap((q) => q.ruleIds));
    for (const id of mapped) if (!ids.has(id)) problems.push(`${f.id} maps ${id}, which is not a rule`);
    for (const id of ids) if (!mapped.has(id)) problems.push(`${id} is not mapped in ${f.id}`);
  }
  if (problems.length > 0) throw new Error(`Rule registry is invalid:\n${problems.join('\n')}`);
  return [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}

/** Every rule, sorted by id; the registry is validated as the module loads. */
export const RULES: readonly Rule[] = validateRegistry(
  [serviceAccount, ropc, breakGlass, deletedPrincipal, azurePrivileged, entraPrivileged, humanUse, reuse, secretLifetime, expired, expiringSoon, dangerousGraph, thirdParty, noOwners, badOwner, broadFic, unusedApp, severalSecrets, certWouldDo, environments, neverUsed],
  FRAMEWORKS,
);

/** The requirement ids of each framework a rule is mapped to. */
export function frameworkRefs(ruleId: string): Record<Framework['id'], string[]> {
  return Object.fromEntries(FRAMEWORKS.map((f) => [f.id, f.requirements.filter((q) => q.ruleIds.includes(ruleId)).map((q) => q.id)])) as Record<Framework['id'], string[]>;
}
