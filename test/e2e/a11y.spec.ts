import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_FIXTURES } from '../support/e2ePaths';
import { expect, test } from '../support/e2eFixtures';
import { axeViolations, formatViolations, type A11yViolation } from './support/axe';
import { SCHEMES, walkMainJourney } from './support/journey';

/**
 * Every screen through axe (WCAG 2.0 / 2.1, A and AA) in both colour schemes: the main journeys of
 * the screenshots spec, audited where it takes its pictures, then the screens it does not reach (the
 * kind dialog, a reviewer override, a rule's card, a refused setting, the columns menu). No rule is
 * disabled. Every violation of every screen is collected and reported together, then the test fails.
 */
for (const scheme of SCHEMES) {
  test(`no accessibility violations on any screen (${scheme})`, async ({ page, nhi }, testInfo) => {
    // About thirty axe runs over the whole page, on top of the journey.
    test.setTimeout(300_000);
    const found: A11yViolation[] = [];
    const audit = async (screen: string): Promise<void> => {
      found.push(...(await axeViolations(page, screen)));
    };
    // The start screen's recent engagements list is audited too.
    nhi.transport.shell['engagements:recent'] = () => [{ path: join(nhi.dir, 'woodgrove.nhiaudit'), name: 'Woodgrove audit', openedAt: '2026-11-20T09:30:00.000Z' }];

    try {
      await walkMainJourney(page, nhi, scheme, audit);
      await auditTheRest();
    } finally {
      await testInfo.attach(`axe-violations-${scheme}.json`, { body: JSON.stringify(found, null, 2), contentType: 'application/json' });
    }
    expect(found.length, `accessibility violations (${scheme}):\n${formatViolations(found)}`).toBe(0);

    /** The screens the journey does not reach. */
    async function auditTheRest(): Promise<void> {
      // A sign-in export whose name does not say interactive or non-interactive: the kind dialog. A
      // byte more than the file imported earlier, which would otherwise be skipped as the same file.
      const renamed = join(nhi.dir, 'signins.csv');
      writeFileSync(renamed, `${readFileSync(join(PORTAL_FIXTURES, 'InteractiveSignIns_2026-11-01_2026-11-02.csv'), 'utf8')}\n`);
      nhi.transport.shell['dialog:openFiles'] = () => [renamed];
      await page.getByRole('button', { name: 'Import files…' }).click();
      await expect(page.locator('[data-job-state]')).toHaveAttribute('data-job-state', 'done');
      await page.getByRole('table', { name: 'Import results per file' }).locator('tr[data-file="signins.csv"]').getByRole('button', { name: 'Choose kind…' }).click();
      const kindDialog = page.getByRole('dialog', { name: 'Choose the kind of this file' });
      await expect(kindDialog).toBeVisible();
      await audit('kind-dialog');
      await page.keyboard.press('Escape');
      await expect(kindDialog).toBeHidden();

      // The detail panel with a reviewer's override recorded, and the columns menu open beside it.
      await page.getByRole('tab', { name: /Identities/u }).click();
      const grid = page.getByRole('grid', { name: 'Identities' });
      await expect(grid).toHaveAttribute('data-state', 'ready');
      await grid.locator('[data-identity-id]').first().click();
      const detail = page.getByTestId('identity-detail');
      const override = detail.getByTestId('override');
      await override.getByLabel('Class').selectOption('service_account');
      await override.getByLabel('Reason').fill('Runs the nightly export job.');
      await override.getByRole('button', { name: 'Override class' }).click();
      await expect(override.getByTestId('override-note')).toBeVisible();
      await expect(detail.getByTestId('activity')).toHaveAttribute('data-state', 'ready');
      await audit('identity-override');
      await page.getByRole('button', { name: 'Columns' }).click();
      await expect(page.getByRole('dialog', { name: 'Choose columns' })).toBeVisible();
      await audit('columns-menu');
      await page.keyboard.press('Escape');

      // A search that matches nothing: the message is a row of the grid, so it is read out.
      const search = page.getByRole('searchbox', { name: 'Search identities' });
      await search.fill('no-such-identity-anywhere');
      await expect(grid).toHaveAttribute('data-total', '0');
      await expect(grid.getByText('No identity matches the search and filter.')).toBeVisible();
      await audit('identities-no-match');
      await search.fill('');

      // One rule's findings with its card.
      await page.getByRole('tab', { name: /Findings/u }).click();
      const findings = page.getByTestId('findings-view');
      await findings.locator('.rule-item[data-status="fail"]').first().click();
      await expect(findings.getByTestId('rule-card')).toBeVisible();
      await expect(findings.getByTestId('findings-total')).toHaveAttribute('data-state', 'ready');
      await audit('findings-rule');

      // A refused setting, said where it was typed.
      await page.getByRole('tab', { name: 'Settings' }).click();
      const settings = page.getByTestId('settings-view');
      await settings.getByLabel('Service-account name patterns').fill('^(svc');
      await settings.getByRole('button', { name: 'Apply and re-analyse' }).click();
      await expect(settings.getByLabel('Service-account name patterns')).toHaveAttribute('aria-invalid', 'true');
      await audit('settings-error');
    }
  });
}
