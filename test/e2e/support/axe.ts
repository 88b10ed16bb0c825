import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA: what the app promises (issue 6, point 10). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface A11yViolation {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

/**
 * Runs axe on the whole page as it is now and returns every violation, one entry per rule, with the
 * elements that break it. Legacy mode runs axe inside the page only: the app has no frames, and the
 * default mode opens a second page in the context to assemble its results.
 */
export async function axeViolations(page: Page, screen: string): Promise<A11yViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations.map((v) => ({
    screen,
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    targets: v.nodes.map((n) => n.target.map(String).join(' >> ')),
    summary: [...new Set(v.nodes.map((n) => (n.failureSummary ?? '').replace(/\s+/gu, ' ').trim()))].slice(0, 3).join(' | '),
  }));
}

/** The violations as lines a person can act on: screen, rule, impact, what it means, where, and why. */
export function formatViolations(violations: readonly A11yViolation[]): string {
  return violations
    .map((v) => {
      const shown = v.targets.slice(0, 8).map((t) => `      ${t}`);
      const more = v.targets.length > shown.length ? [`      … and ${v.targets.length - shown.length} more`] : [];
      return [`[${v.screen}] ${v.rule} (${v.impact}): ${v.help}`, ...shown, ...more, `    ${v.summary}`].join('\n');
    })
    .join('\n');
}
