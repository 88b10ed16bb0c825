import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REVIEW_HEADERS, REVIEW_KEY_HEADER } from '../../shared/domain/review';
import { expect, test } from '../support/e2eFixtures';
import { openSampleIdentities } from './support/openSample';

test('a review decision is recorded, exported in the workbook, edited by the meeting and read back', async ({ page, nhi }) => {
  const grid = await openSampleIdentities(page, nhi);

  // Record a decision in the detail panel.
  const rows = grid.locator('[data-identity-id]');
  await rows.nth(0).click();
  const detail = page.getByTestId('identity-detail');
  const review = detail.getByTestId('review');
  await review.getByLabel('Owner').fill('Dana Reviewer');
  await review.getByLabel('Decision').selectOption('Decommission');
  await review.getByLabel('Due date').fill('2027-01-31');
  await review.getByLabel('Status').selectOption('Open');
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(review.getByTestId('review-saved')).toBeVisible();
  const first = await detail.getAttribute('data-identity-id');

  // Export the workbook through the (scripted) save dialog; the dialog shows where it went.
  const out = join(nhi.dir, 'governance.xlsx');
  nhi.transport.shell['dialog:saveWorkbook'] = () => out;
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByRole('button', { name: 'Save workbook…' }).click();
  const status = dialog.getByTestId('export-status');
  await expect(status).toHaveAttribute('data-state', 'done');
  await expect(status).toContainText(out);
  expect(existsSync(out)).toBe(true);
  let shown = '';
  nhi.transport.shell['shell:showInFolder'] = (req) => {
    shown = req.path;
    return { shown: true };
  };
  await status.getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => shown).toBe(out);

  // The meeting's edits: the recorded decision is in the workbook; a second identity gets one, a third an unreadable one.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('Identities');
  if (!ws) throw new Error('no Identities sheet');
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  const col = (h: string): number => headers.indexOf(h);
  const decided = [...Array(ws.rowCount - 1).keys()].map((i) => ws.getRow(i + 2)).find((r) => r.getCell(col(REVIEW_HEADERS.owner)).value === 'Dana Reviewer');
  expect(decided?.getCell(col(REVIEW_HEADERS.decision)).value).toBe('Decommission');
  const others = [...Array(ws.rowCount - 1).keys()].map((i) => ws.getRow(i + 2)).filter((r) => r !== decided);
  const [second, third] = others;
  if (!second || !third) throw new Error('too few rows');
  second.getCell(col(REVIEW_HEADERS.decision)).value = 'Investigate';
  second.getCell(col(REVIEW_HEADERS.status)).value = 'In progress';
  third.getCell(col(REVIEW_HEADERS.decision)).value = 'Burn it';
  const secondName = String(second.getCell(1).value);
  expect(String(second.getCell(col(REVIEW_KEY_HEADER)).value)).not.toBe('');
  const reviewed = join(nhi.dir, 'reviewed.xlsx');
  await wb.xlsx.writeFile(reviewed);

  nhi.transport.shell['dialog:openWorkbook'] = () => reviewed;
  await dialog.getByRole('button', { name: 'Import reviewed workbook…' }).click();
  await expect(status).toHaveAttribute('data-state', 'done');
  const result = dialog.getByTestId('review-result');
  await expect(result.getByTestId('review-applied')).toHaveText('1');
  await expect(result.getByTestId('review-invalid')).toContainText('the decision "Burn it" is not one of');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The decision read back shows in the detail panel of that identity.
  await page.getByRole('searchbox', { name: 'Search identities' }).fill(secondName);
  await expect(grid).toHaveAttribute('data-state', 'ready');
  await rows.filter({ hasText: secondName }).first().click();
  await expect(detail.getByTestId('review').getByLabel('Decision')).toHaveValue('Investigate');
  await expect(detail.getByTestId('review').getByLabel('Status')).toHaveValue('In progress');
  expect(first).not.toBeNull();
});
