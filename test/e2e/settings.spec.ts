import { expect, test } from '../support/e2eFixtures';

test('changing a threshold re-analyses and shows what changed; a broken pattern is refused where it was typed', async ({ page, nhi }) => {
  await nhi.open();
  await page.getByRole('button', { name: 'Open the bundled sample' }).click();
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');

  await page.getByRole('tab', { name: 'Settings' }).click();
  const view = page.getByTestId('settings-view');
  const lifetime = view.getByLabel('Longest secret lifetime (days)');
  await expect(lifetime).toHaveValue('180');

  // A pattern that is not a regular expression: refused, nothing re-analysed.
  const patterns = view.getByLabel('Service-account name patterns');
  const original = await patterns.inputValue();
  // Typed as a person types it: a new line at the end, then the pattern.
  await patterns.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await expect(patterns).toHaveValue(`${original}\n`);
  await page.keyboard.type('^(svc');
  // Said beside the list as it is typed; Apply takes the focus there instead of re-analysing.
  await expect(patterns).toHaveAttribute('aria-invalid', 'true');
  await expect(patterns).toHaveAccessibleDescription('"^(svc" is not a valid pattern (Unterminated group).');
  await view.getByRole('button', { name: 'Apply and re-analyse' }).click();
  await expect(patterns).toBeFocused();
  await expect(view.getByRole('progressbar')).toHaveCount(0);
  await expect(view.getByTestId('analysis-changes')).toHaveCount(0);
  await patterns.fill(original);
  await expect(patterns).toHaveAttribute('aria-invalid', 'false');

  await lifetime.fill('800');
  await view.getByRole('button', { name: 'Apply and re-analyse' }).click();
  const changes = view.getByTestId('analysis-changes');
  await expect(changes).toBeVisible();
  await expect(changes.getByTestId('rule-changes').locator('[data-rule="secret-lifetime-too-long"]')).toContainText('→');
  const text = await changes.getByTestId('rule-changes').locator('[data-rule="secret-lifetime-too-long"]').innerText();
  const [before, after] = (text.match(/(\d+) → (\d+)/u) ?? []).slice(1).map(Number);
  expect(after).toBeLessThan(before ?? 0);

  // The findings tab follows the new threshold.
  await page.getByRole('tab', { name: /Findings/u }).click();
  await expect(page.getByTestId('findings-view').locator('.rule-item[data-rule="secret-lifetime-too-long"] .rule-outcome')).toHaveText(String(after === 0 ? 'Passed' : after));
});
