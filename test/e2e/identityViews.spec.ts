import type { Locator } from '@playwright/test';
import { expect, test } from '../support/e2eFixtures';
import { openSampleIdentities } from './support/openSample';

/** Every header cell sits exactly above the first row's cell of the same column. */
async function expectAligned(grid: Locator): Promise<void> {
  const headers = grid.getByRole('columnheader');
  const row = grid.locator('[data-identity-id]').first();
  const columns = await headers.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-column') ?? ''));
  await expect(row.getByRole('gridcell')).toHaveCount(columns.length);
  for (const column of columns) {
    const head = await grid.locator(`[role="columnheader"][data-column="${column}"]`).boundingBox();
    const cell = await row.locator(`[data-column="${column}"]`).boundingBox();
    expect(head && cell, column).toBeTruthy();
    if (!head || !cell) continue;
    expect(Math.abs(head.x - cell.x), `${column} left edge`).toBeLessThan(1);
    expect(Math.abs(head.width - cell.width), `${column} width`).toBeLessThan(1);
  }
}

test('identities filter by finding severity and source, columns are chosen, and a saved view brings both back', async ({ page, nhi }) => {
  const grid = await openSampleIdentities(page, nhi);
  const everyone = await grid.getAttribute('data-total');
  expect(Number(everyone)).toBeGreaterThan(200);
  const rows = grid.locator('[data-identity-id]');

  // Finding severity: one identity of the sample has a critical finding.
  const severity = page.getByRole('group', { name: 'Filter by finding severity' });
  const critical = severity.getByRole('button', { name: /critical/u });
  await critical.click();
  await expect(critical).toHaveAttribute('aria-pressed', 'true');
  await expect(grid).toHaveAttribute('data-total', '1');
  await expect(rows.first()).toContainText('Emergency Access Account 02');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(critical).toHaveAttribute('aria-pressed', 'false');
  await expect(grid).toHaveAttribute('data-total', everyone ?? '');

  // Source: the three deleted principals that still hold roles.
  const source = page.getByLabel('Filter by source');
  await source.selectOption('deleted');
  await expect(grid).toHaveAttribute('data-total', '3');
  await expect(rows.first().locator('[data-column="class"]')).toContainText('Unknown');

  // Columns: hide one and show it again, by keyboard; header and rows follow, and stay aligned.
  const columnsButton = page.getByRole('button', { name: 'Columns' });
  await columnsButton.focus();
  await page.keyboard.press('Enter');
  await expect(columnsButton).toHaveAttribute('aria-expanded', 'true');
  const columnsPanel = page.getByRole('dialog', { name: 'Choose columns' });
  await expect(columnsPanel.getByRole('checkbox', { name: 'UPN / App ID' })).toBeFocused();
  const classBox = columnsPanel.getByRole('checkbox', { name: 'Class', exact: true });
  await classBox.focus();
  await page.keyboard.press('Space');
  await expect(classBox).not.toBeChecked();
  await expect(grid.getByRole('columnheader', { name: 'Class' })).toHaveCount(0);
  await expect(rows.first().locator('[data-column="class"]')).toHaveCount(0);
  await expectAligned(grid);
  await page.keyboard.press('Space');
  await expect(grid.getByRole('columnheader', { name: 'Class' })).toBeVisible();
  await expect(rows.first().locator('[data-column="class"]')).toContainText('Unknown');
  await expect(columnsPanel.getByRole('checkbox', { name: 'Display name (always)' })).toBeDisabled();

  // The view to save: without the confidence, with the findings and the worst severity.
  await columnsPanel.getByRole('checkbox', { name: 'Confidence' }).uncheck();
  await columnsPanel.getByRole('checkbox', { name: 'Findings' }).check();
  await columnsPanel.getByRole('checkbox', { name: 'Worst finding severity' }).check();
  await page.keyboard.press('Escape');
  await expect(columnsPanel).toBeHidden();
  await expect(columnsButton).toBeFocused();
  await expect(grid.getByRole('columnheader', { name: 'Confidence' })).toHaveCount(0);
  await expect(grid.getByRole('columnheader', { name: 'Findings' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Worst finding' })).toBeVisible();
  await expectAligned(grid);

  const viewsButton = page.getByRole('button', { name: /^Views/u });
  await viewsButton.click();
  const viewsPanel = page.getByRole('dialog', { name: 'Saved views' });
  await viewsPanel.getByLabel('Save the current view as').fill('Deleted principals');
  await viewsPanel.getByRole('button', { name: 'Save' }).click();
  await expect(viewsPanel).toBeHidden();
  await expect(viewsButton).toHaveText(/Views: Deleted principals/u);
  await expect(viewsButton).toBeFocused();

  // Back to the default view: no filters, the usual columns.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(grid).toHaveAttribute('data-total', everyone ?? '');
  await expect(source).toHaveValue('');
  await expect(viewsButton).toHaveText(/^Views$/u);
  await viewsButton.click();
  await viewsPanel.getByRole('button', { name: /Default view/u }).click();
  await expect(grid.getByRole('columnheader', { name: 'Confidence' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Findings' })).toHaveCount(0);

  // The saved view brings the filter and the columns back.
  await viewsButton.click();
  await expect(viewsPanel.getByRole('list')).toBeVisible();
  await viewsPanel.getByRole('button', { name: 'Deleted principals', exact: true }).click();
  await expect(grid).toHaveAttribute('data-total', '3');
  await expect(source).toHaveValue('deleted');
  await expect(grid.getByRole('columnheader', { name: 'Confidence' })).toHaveCount(0);
  await expect(grid.getByRole('columnheader', { name: 'Worst finding' })).toBeVisible();
  await expect(rows.first().locator('[data-column="findingCount"]')).toBeVisible();
  await expect(viewsButton).toHaveText(/Views: Deleted principals/u);
  await expectAligned(grid);

  // It is kept in the engagement, and can be deleted.
  const stored = await nhi.host.call('views:list', {});
  expect(stored.ok && stored.value.map((v) => v.name)).toEqual(['Deleted principals']);
  await viewsButton.click();
  await expect(viewsPanel.getByRole('button', { name: 'Deleted principals', exact: true })).toHaveAttribute('aria-current', 'true');
  await viewsPanel.getByRole('button', { name: 'Delete view Deleted principals' }).click();
  await expect(viewsPanel.getByRole('list')).toHaveCount(0);
  await expect(viewsPanel.getByLabel('Save the current view as')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(viewsButton).toHaveText(/^Views$/u);
});
