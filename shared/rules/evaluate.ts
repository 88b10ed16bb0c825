import type { Severity } from '../domain/vocabulary';
import { RULES } from './registry';
import type { FindingDraft, Rule, RuleContext } from './rule';

export interface RuleResult {
  ruleId: string;
  severity: Severity;
  title: string;
  status: 'pass' | 'fail' | 'skipped';
  reason: string | null;
  findings: FindingDraft[];
}

const NEED_TEXT: Record<string, string> = {
  user_signins: 'no user sign-in logs (interactive or non-interactive) were imported',
  workload_signins: 'no service principal or managed identity sign-ins were imported',
  registration: 'no MFA registration data was imported',
  azure_roles: 'no Azure role assignments were imported',
  entra_roles: 'no Entra role assignments were imported',
  any_roles: 'no role assignments were imported',
  app_objects: 'no app registrations or service principals were imported',
  owners: 'no application owners were exported (export applications and service principals with $expand=owners)',
};

/**
 * Runs every rule over the snapshot. A rule whose evidence is missing is skipped with the reason
 * (never passed), and one that throws is reported as skipped with the error, so one bad rule
 * cannot hide the others' results.
 */
export function evaluateRules(ctx: RuleContext, rules: readonly Rule[] = RULES): RuleResult[] {
  return rules.map((rule) => {
    const base = { ruleId: rule.meta.id, severity: ctx.settings.severities[rule.meta.id] ?? rule.meta.severity, title: rule.meta.title };
    const missing = rule.meta.needs.filter((n) => !ctx.evidence.has(n));
    if (missing.length > 0) {
      return { ...base, status: 'skipped', reason: `Skipped: ${missing.map((m) => NEED_TEXT[m] ?? m).join('; ')}.`, findings: [] };
    }
    try {
      const out = rule.evaluate(ctx);
      if (out.status === 'skipped') return { ...base, status: 'skipped', reason: out.reason, findings: [] };
      return { ...base, status: out.status, reason: null, findings: out.status === 'fail' ? out.findings : [] };
    } catch (err) {
      return { ...base, status: 'skipped', reason: `The rule failed: ${err instanceof Error ? err.message : String(err)}`, findings: [] };
    }
  });
}
