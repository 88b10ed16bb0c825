import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_FIXTURES } from '../support/e2ePaths';
import { expect, test } from '../support/e2eFixtures';

test.describe('a new engagement', () => {
  test('is created from the form, imports the portal exports, and reports a broken file and rejected rows', async ({ page, nhi }) => {
    const enginePath = join(nhi.dir, 'fabrikam.nhiaudit');
    const broken = join(nhi.dir, 'broken.csv');
    writeFileSync(broken, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0]));
    const portal = readdirSync(PORTAL_FIXTURES).map((f) => join(PORTAL_FIXTURES, f));
    let suggested = '';
    nhi.transport.shell['dialog:saveEngagement'] = (req) => {
      suggested = req.suggestedName;
      return enginePath;
    };
    nhi.transport.shell['dialog:openFiles'] = () => [...portal, broken];

    await nhi.open();
    const form = page.getByRole('form', { name: 'New engagement' });
    await form.getByLabel('Customer').fill('Fabrikam Ltd');
    await form.getByLabel('Tenant').fill('fabrikam.onmicrosoft.com');
    await form.getByLabel('Auditor').fill('A. Auditor');
    await form.getByLabel('As-of date').fill('2026-11-20');
    await form.getByRole('button', { name: 'Choose…' }).click();
    await expect(form.getByTestId('engagement-location')).toHaveText('fabrikam.nhiaudit');
    expect(suggested).toBe('Fabrikam-Ltd.nhiaudit');
    await form.getByRole('button', { name: 'Create engagement' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Fabrikam Ltd' })).toBeVisible();
    await expect(page.getByText('fabrikam.onmicrosoft.com · Auditor: A. Auditor · As of 2026-11-20', { exact: true })).toBeVisible();
    // A new engagement opens on its overview, which says nothing was imported rather than showing empty figures.
    await expect(page.getByTestId('overview-empty')).toContainText('Nothing imported yet');
    await page.getByRole('tab', { name: /Identities/u }).click();
    await expect(page.getByTestId('identities-empty')).toContainText('No identities yet');
    await page.getByRole('tab', { name: 'Overview' }).click();

    await page.getByRole('button', { name: 'Import files…' }).click();
    const activity = page.locator('[data-job-state]');
    await expect(activity).toHaveAttribute('data-job-state', 'done');
    await expect(activity.getByRole('heading', { name: 'Import finished with problems' })).toBeVisible();

    const results = page.getByRole('table', { name: 'Import results per file' });
    const failed = results.locator('tr[data-file="broken.csv"]');
    await expect(failed).toHaveAttribute('data-outcome', 'failed');
    await expect(failed).toContainText('Failed');
    await expect(failed).toContainText(/binary/u);
    for (const f of portal.map((p) => p.split(/[\\/]/u).pop() ?? '')) {
      await expect(results.locator(`tr[data-file="${f}"]`)).toHaveAttribute('data-outcome', 'imported');
    }
    await expect(activity).toContainText('3 files imported');
    await expect(activity).toContainText('1 failed');

    // Rejected rows, with their line numbers and reasons.
    await results.getByRole('button', { name: /View 3 rejected rows of InteractiveSignIns/u }).click();
    const dialog = page.getByRole('dialog', { name: 'Rejected rows' });
    await expect(dialog).toBeVisible();
    const lines = dialog.getByRole('row');
    await expect(lines).toHaveCount(4);
    await expect(lines.nth(1)).toHaveText(/5\s*no Request ID/u);
    await expect(lines.nth(2)).toHaveText(/6\s*unreadable date "yesterday"/u);
    await expect(lines.nth(3)).toHaveText(/12\s*has 2 fields where the header has 55/u);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The inventory built from the good files.
    await page.getByRole('tab', { name: /Identities/u }).click();
    const grid = page.getByRole('grid', { name: 'Identities' });
    await expect(grid).toHaveAttribute('data-state', 'ready');
    await expect(grid).toHaveAttribute('data-total', '3');
    await expect(grid.locator('[data-identity-id]')).toHaveCount(3);
    const job = grid.locator('[data-identity-id]', { hasText: 'report.job@contoso.com' });
    await expect(job.locator('.badge[data-class]')).toHaveText('Service account');
    await expect(job.locator('.badge[data-verdict]')).toHaveText('Will break');
    await job.click();
    const detail = page.getByTestId('identity-detail');
    await expect(detail.locator('[data-reason="ropc"]')).toContainText('ROPC');
    // The verdict with its evidence per surface and what to do.
    const readiness = detail.getByTestId('readiness');
    await expect(readiness.locator('tr[data-surface="cli"]')).toHaveAttribute('data-effect', 'breaks');
    await expect(readiness).toContainText('Automation signs in single-factor to Azure CLI (phase 2)');
    await expect(detail.getByTestId('recommendation')).toHaveAttribute('data-pattern', 'service_principal_certificate');
    // Its governance findings, with their framework references.
    await expect(detail.getByTestId('findings').locator('[data-rule="password-grant-in-use"]')).toContainText('NHI4:2025');

    // A reviewer overrides the class with a reason; the verdict is judged again for it.
    const review = detail.getByTestId('override');
    await review.getByLabel('Class').selectOption('human');
    await review.getByRole('button', { name: 'Override class' }).click();
    await expect(review.getByRole('alert')).toContainText('Say why');
    await review.getByLabel('Reason').fill('Owner confirms a person runs this by hand');
    await review.getByRole('button', { name: 'Override class' }).click();
    await expect(review.getByTestId('override-note')).toContainText('Class set by a reviewer to Person (computed: Service account): Owner confirms a person runs this by hand');
    await expect(job.locator('.badge[data-class]')).toHaveText('Person');
    await expect(readiness.locator('.badge[data-verdict]')).not.toHaveText('Will break');
    await review.getByRole('button', { name: 'Use computed class' }).click();
    await expect(job.locator('.badge[data-class]')).toHaveText('Service account');
    await expect(readiness.locator('.badge[data-verdict]')).toHaveText('Will break');
    // A display name that looks like a formula is shown as text.
    await expect(grid.getByText('=HYPERLINK("http://x","click")')).toBeVisible();

    // Provenance of what was imported; the broken file is not recorded as a source.
    await page.getByRole('tab', { name: /Sources/u }).click();
    const sources = page.getByRole('table', { name: 'Imported files' });
    await expect(sources.locator('tbody tr')).toHaveCount(3);
    await expect(sources).toContainText('utf-16le, semicolon');
    await expect(sources).not.toContainText('broken.csv');
    await sources.getByRole('button', { name: /View 1 rejected rows of exportUsers/u }).click();
    await expect(page.getByRole('dialog', { name: 'Rejected rows' })).toContainText(/not a GUID/u);
  });

  test('shows an engine refusal next to the form', async ({ page, nhi }) => {
    const existing = join(nhi.dir, 'taken.nhiaudit');
    writeFileSync(existing, 'not an engagement');
    nhi.transport.shell['dialog:saveEngagement'] = () => existing;
    await nhi.open();
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await expect(page.getByRole('form', { name: 'New engagement' }).getByRole('alert')).toContainText('already exists');
    await expect(page.locator('[data-screen="start"]')).toBeVisible();
  });
});
