import { expect, test } from '../support/e2eFixtures';

test('the overview leads to the identities that will break and the findings by severity, and a finding opens its identity', async ({ page, nhi }) => {
  await nhi.open();
  await page.getByRole('button', { name: 'Open the bundled sample' }).click();
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');

  await page.getByRole('tab', { name: 'Overview' }).click();
  const overview = page.getByTestId('overview');
  await expect(overview.getByTestId('top-risks').getByRole('listitem').first()).toBeVisible();
  await expect(overview.getByTestId('caveats')).toContainText('authentication details');

  // "Will break: 6" lists exactly those identities.
  const willBreak = overview.getByRole('button', { name: /^Will break: \d+$/u });
  const count = Number((await willBreak.getAttribute('aria-label'))?.replace(/\D/gu, ''));
  expect(count).toBeGreaterThan(0);
  await willBreak.click();
  const grid = page.getByRole('grid', { name: 'Identities' });
  await expect(page.getByRole('tab', { name: /Identities/u })).toHaveAttribute('aria-selected', 'true');
  await expect(grid).toHaveAttribute('data-total', String(count));
  await expect(page.getByRole('group', { name: 'Filter by readiness' }).getByRole('button', { name: /Will break/u })).toHaveAttribute('aria-pressed', 'true');

  // Readiness: the blocked accounts with the surface that blocks them, worst group first and open.
  await page.getByRole('tab', { name: 'Readiness' }).click();
  const readiness = page.getByTestId('readiness-view');
  const blocked = readiness.locator('details[data-verdict="blocked"]');
  await expect(blocked).toHaveAttribute('open', '');
  await expect(blocked.locator('td[data-effect="blocked"]').first()).toBeVisible();
  const blockedName = await blocked.locator('tbody tr').first().getByRole('button').innerText();
  await blocked.locator('tbody tr').first().getByRole('button').click();
  await expect(page.getByTestId('identity-detail').getByRole('heading', { level: 2 })).toHaveText(blockedName);
  await expect(page.getByTestId('identity-detail').getByTestId('readiness')).toContainText('Blocked');

  // High findings, then one rule's, then its subject's detail.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await overview.getByRole('button', { name: /^High: \d+$/u }).click();
  const view = page.getByTestId('findings-view');
  await expect(view).toBeVisible();
  const list = view.getByTestId('finding-list');
  await expect(list.locator('[data-severity]').first()).toBeVisible();
  expect(new Set(await list.locator('li[data-severity]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity'))))).toEqual(new Set(['high']));

  await view.getByRole('button', { name: /Username\/password token flow/u }).click();
  await expect(view.getByTestId('rule-card')).toContainText('What to do');
  await expect(view.getByTestId('findings-total')).toHaveAttribute('data-state', 'ready');
  const rules = await list.locator('li[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
  expect(new Set(rules)).toEqual(new Set(['password-grant-in-use']));

  const subject = list.locator('li').first().getByRole('button');
  const name = (await subject.innerText()).replace(/\s*\(.*$/u, '');
  await subject.click();
  await expect(page.getByTestId('identity-detail').getByRole('heading', { level: 2 })).toHaveText(name);

  // The framework filter narrows to the rules mapped to a requirement.
  await page.getByRole('tab', { name: /Findings/u }).click();
  await view.getByRole('button', { name: /Show every rule/u }).click();
  await view.getByLabel('Framework requirement').selectOption('NHI7:2025');
  await expect(view.getByTestId('findings-total')).toHaveAttribute('data-state', 'ready');
  const nhi7 = new Set(await list.locator('li[data-rule]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule'))));
  for (const r of nhi7) expect(['secret-lifetime-too-long', 'expired-credential-present', 'credential-expiring-soon', 'several-active-secrets']).toContain(r);
});
