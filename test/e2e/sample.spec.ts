import { expect, test } from '../support/e2eFixtures';

test.describe('the bundled sample', () => {
  test('opens, imports with visible progress, and lists classified identities that filter and search', async ({ page, nhi }) => {
    await nhi.open();
    await expect(page.getByRole('heading', { name: /MFA enforcement will break/ })).toBeVisible();

    // Hold the end of the job, as a slow IPC could, so the running state can be looked at.
    nhi.transport.hold('job:done');
    await page.getByRole('button', { name: 'Open the bundled sample' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Contoso sample' })).toBeVisible();
    const activity = page.locator('[data-job-state]');
    await expect(activity).toHaveAttribute('data-job-state', 'running');
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', /^\d+$/u);
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    // Each file's result shows as soon as it is read, while the import still runs.
    const results = page.getByRole('table', { name: 'Import results per file' });
    await expect(results.locator('tr[data-outcome="imported"]').first()).toBeVisible();
    await expect(activity).toHaveAttribute('data-job-state', 'running');

    await nhi.transport.release();
    await expect(activity).toHaveAttribute('data-job-state', 'done');
    await expect(page.getByRole('progressbar')).toHaveCount(0);

    // The inventory: rows with class badges, at least one person and one service account.
    await page.getByRole('tab', { name: /Identities/u }).click();
    const grid = page.getByRole('grid', { name: 'Identities' });
    await expect(grid).toHaveAttribute('data-state', 'ready');
    const rows = grid.locator('[data-identity-id]');
    await expect(rows.first()).toBeVisible();
    await expect(rows.filter({ has: page.locator('.badge', { hasText: /^Person$/u }) }).first()).toBeVisible();
    await expect(rows.filter({ has: page.locator('.badge', { hasText: /^Service account$/u }) }).first()).toBeVisible();
    const total = Number(await grid.getAttribute('data-total'));
    expect(total).toBeGreaterThan(1);
    await expect(page.getByRole('tab', { name: /Identities/ })).toContainText(String(total));

    // Class filter: only service accounts remain, as many as the summary counts.
    const chip = page.getByRole('group', { name: 'Filter by class' }).getByRole('button', { name: /Service account/ });
    const expected = Number((await chip.locator('.chip-count').innerText()).replace(/\D/gu, ''));
    await chip.click();
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await expect(grid).toHaveAttribute('data-total', String(expected));
    await expect(grid).toHaveAttribute('data-state', 'ready');
    const classes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-class')));
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes)).toEqual(new Set(['service_account']));
    // A user account's sign-ins split into interactive and non-interactive.
    await expect(rows.first().locator('[data-column="split"]')).toHaveText(/^\d[\d,]* \/ \d[\d,]*$/u);

    // The why: the selected identity's reasons in the side panel.
    await rows.first().click();
    const detail = page.getByTestId('identity-detail');
    await expect(detail.getByRole('heading', { name: /Why service account/ })).toBeVisible();
    await expect(detail.getByTestId('reasons').getByRole('listitem').first()).toBeVisible();
    const upn = (await detail.locator('dt:text-is("UPN") + dd').innerText()).trim();

    // A service principal's sign-ins are neither interactive nor non-interactive: a dash, not "0 / 0".
    await page.getByTestId('identity-detail').getByRole('button', { name: 'Close details' }).click();
    const principals = page.getByRole('group', { name: 'Filter by class' }).getByRole('button', { name: /Service principal/ });
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await principals.click();
    await expect(principals).toHaveAttribute('aria-pressed', 'true');
    await expect(grid).toHaveAttribute('data-state', 'ready');
    const busy = rows.filter({ has: page.locator('[data-column="signIns"]', { hasText: /^[1-9]/u }) }).first();
    await expect(busy.locator('[data-column="split"]')).toHaveText('—');

    // Search (with the filter cleared): the identity is found by its UPN.
    await page.getByRole('button', { name: 'All', exact: true }).click();
    await expect(grid).toHaveAttribute('data-total', String(total));
    await page.getByRole('searchbox', { name: 'Search identities' }).fill(upn);
    await expect(grid).toHaveAttribute('data-total', '1');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(upn);

    await page.getByRole('searchbox', { name: 'Search identities' }).fill('no-such-identity-anywhere');
    await expect(grid).toHaveAttribute('data-total', '0');
    await expect(page.getByText('No identity matches the search and filter.')).toBeVisible();
  });
});
