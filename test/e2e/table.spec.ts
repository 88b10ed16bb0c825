import { join } from 'node:path';
import { expect, test } from '../support/e2eFixtures';
import { writeUsersExport } from './support/largeExport';

test('the identities table renders only what is visible and loads pages as it scrolls', async ({ page, nhi }) => {
  const users = join(nhi.dir, 'exportUsers_2026-11-20.csv');
  writeUsersExport(users, 1_000);
  nhi.transport.shell['dialog:saveEngagement'] = () => join(nhi.dir, 'many.nhiaudit');
  nhi.transport.shell['dialog:openFiles'] = () => [users];

  await nhi.open();
  await page.getByRole('form', { name: 'New engagement' }).getByLabel('Customer').fill('Litware');
  await page.getByRole('button', { name: 'Create engagement' }).click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');

  await page.getByRole('tab', { name: /Identities/u }).click();
  const grid = page.getByRole('grid', { name: 'Identities' });
  await expect(grid).toHaveAttribute('data-total', '1000');
  await expect(grid).toHaveAttribute('aria-rowcount', '1001');
  const rows = grid.locator('[data-identity-id]');
  await expect(rows.first()).toContainText('Person 0001');
  expect(await rows.count()).toBeLessThan(100);

  // Keyboard: the first row takes focus, End jumps to the last identity (a page not loaded yet).
  await rows.first().click();
  await expect(page.getByTestId('identity-detail')).toContainText('Person 0001');
  await page.keyboard.press('End');
  await expect(grid.locator('[aria-rowindex="1001"]')).toContainText('Person 1000');
  await expect(page.getByTestId('identity-detail')).toContainText('Person 1000');
  await expect(grid.locator('[aria-rowindex="1001"]')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('identity-detail')).toContainText('Person 0999');

  // Sorting descending by name puts the last one first.
  await grid.getByRole('button', { name: 'Display name' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Display name' })).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.locator('[aria-rowindex="2"]')).toContainText('Person 1000');
});
