import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2eFixtures';

/** One `layout-shift` entry not caused by the user's own input, with the step it happened in and what moved. */
interface Shift {
  step: string;
  value: number;
  moved: string[];
}

declare global {
  interface Window {
    __nhiShifts?: Shift[];
    __nhiStep?: string;
  }
}

/** What the page records: every layout shift from its first paint on, tagged with the test's current step. */
function recordShifts(): void {
  // Not in TypeScript's DOM library yet: the Layout Instability API's entry, as far as it is read here.
  interface LayoutShiftEntry extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
  }
  const describe = (node: Node | null): string => {
    if (!(node instanceof Element)) return node?.nodeName ?? '?';
    const test = node.closest('[data-testid]')?.getAttribute('data-testid');
    return `${node.tagName.toLowerCase()}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ').join('.')}` : ''}${test ? ` in ${test}` : ''}`;
  };
  window.__nhiShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as LayoutShiftEntry[]) {
      if (entry.hadRecentInput) continue;
      window.__nhiShifts?.push({
        step: window.__nhiStep ?? 'load',
        value: entry.value,
        moved: entry.sources.map((s) => `${describe(s.node)} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

async function step(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => {
    window.__nhiStep = n;
  }, name);
}

/** Two frames: whatever the last change laid out has been painted, and its shifts reported. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

test('opening the sample and moving through the views does not make the layout jump', async ({ page, nhi }, testInfo) => {
  await page.addInitScript(recordShifts);
  await nhi.open();

  await step(page, 'open the sample');
  await page.getByRole('button', { name: 'Open the bundled sample' }).click();
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
  // The engagement opens on its overview.
  await expect(page.getByTestId('top-risks').getByRole('listitem').first()).toBeVisible();
  await settled(page);

  await step(page, 'identities');
  await page.getByRole('tab', { name: /Identities/u }).click();
  const grid = page.getByRole('grid', { name: 'Identities' });
  await expect(grid).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('identity-count')).toHaveText(/\d+ shown/u);
  await settled(page);

  await step(page, 'overview and back');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByTestId('top-risks').getByRole('listitem').first()).toBeVisible();
  await page.getByRole('tab', { name: /Identities/u }).click();
  await expect(grid).toHaveAttribute('data-state', 'ready');
  await settled(page);

  await step(page, 'identity detail');
  // The import's report out of the way first, as after any import: the table gets its full height.
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await grid.locator('[data-class="service_account"]').first().click();
  const detail = page.getByTestId('identity-detail');
  await expect(detail.getByTestId('activity')).toHaveAttribute('data-state', 'ready');
  await expect(detail.getByTestId('findings')).toHaveAttribute('data-state', 'ready');
  await settled(page);

  await step(page, 'findings');
  await page.getByRole('tab', { name: /Findings/u }).click();
  await expect(page.getByTestId('findings-total')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('findings-view').locator('.rule-item[data-status="fail"]').first()).toBeVisible();
  await settled(page);

  await step(page, 'settings');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByTestId('settings-view').getByLabel('Longest secret lifetime (days)')).toBeVisible();
  await settled(page);

  const shifts = await page.evaluate(() => window.__nhiShifts ?? []);
  const total = shifts.reduce((sum, s) => sum + s.value, 0);
  const report = shifts.map((s) => `${s.step}: ${s.value.toFixed(4)} (${s.moved.join(', ')})`).join('\n');
  await testInfo.attach('layout-shifts.txt', { body: `cumulative ${total.toFixed(4)}\n${report}`, contentType: 'text/plain' });
  testInfo.annotations.push({ type: 'cumulative layout shift', description: total.toFixed(4) });
  expect(total, `cumulative layout shift ${total.toFixed(4)}, not caused by input:\n${report}`).toBeLessThan(0.1);
});
