import { describePatternProblem, patternProblems } from '../../../shared/classification/patterns';
import { DEFAULT_CLASSIFICATION_SETTINGS } from '../../../shared/classification/settings';
import { UserFacingError } from '../../../shared/contract/result';
import type { EngagementSettings } from '../../../shared/contract/settings';
import { DEFAULT_RULE_SETTINGS } from '../../../shared/rules/rule';
import { RULES } from '../../../shared/rules/registry';
import type { Db } from '../db/open';

export const DEFAULT_SETTINGS: EngagementSettings = { classification: DEFAULT_CLASSIFICATION_SETTINGS, rules: DEFAULT_RULE_SETTINGS };

/**
 * Checks what the schema cannot: every name pattern compiles as a regular expression and every
 * severity override names a rule. Messages say which pattern or rule, in the user's words.
 */
export function checkSettings(s: EngagementSettings): void {
  const problems: string[] = [];
  const lists = [
    ['Service-account name patterns', s.classification.serviceAccountNamePatterns],
    ['Break-glass name patterns', s.classification.breakGlassNamePatterns],
    ['Sync-account name patterns', s.classification.syncAccountNamePatterns],
  ] as const;
  for (const [what, patterns] of lists) {
    for (const p of patternProblems(patterns)) problems.push(`${what}: ${describePatternProblem(p)}`);
    if (patterns.some((p) => p.trim() === '')) problems.push(`${what}: an empty pattern would match every name.`);
  }
  const ids = new Set(RULES.map((r) => r.meta.id));
  for (const id of Object.keys(s.rules.severities)) if (!ids.has(id)) problems.push(`There is no rule "${id}" to set a severity for.`);
  if (problems.length > 0) throw new UserFacingError(problems.join(' '), 'SETTINGS_INVALID');
}

/** Stores both settings objects; the next analysis reads them. */
export function saveSettings(db: Db, s: EngagementSettings): void {
  checkSettings(s);
  const put = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  db.transaction(() => {
    put.run('classification', JSON.stringify(s.classification));
    put.run('rules', JSON.stringify(s.rules));
  })();
}
