import type { Locator, Page } from '@playwright/test';
import { expect, type Nhi } from '../../support/e2eFixtures';

/** Opens the app, imports the bundled sample and goes to the Identities view; returns the grid once its rows are in. */
export async function openSampleIdentities(page: Page, nhi: Nhi): Promise<Locator> {
  await nhi.open();
  await page.getByRole('button', { name: 'Open the bundled sample' }).click();
  await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
  await page.getByRole('tab', { name: /Identities/u }).click();
  const grid = page.getByRole('grid', { name: 'Identities' });
  await expect(grid).toHaveAttribute('data-state', 'ready');
  return grid;
}
