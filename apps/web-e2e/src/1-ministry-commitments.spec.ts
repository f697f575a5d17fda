import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, fr, signIn, text } from './support/journey';

test('the ministry official filters late commitments in Casablanca-Settat, exports them, and verifies a declaration', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.ministry, '/commitments');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Late commitments of Casablanca-Settat: the filters land in the address, so the view can be shared.
  await page
    .getByLabel(text(fr, 'common.region'), { exact: true })
    .selectOption({ label: 'Casablanca-Settat' });
  await page.getByRole('checkbox', { name: text(fr, 'commitments.filters.late') }).check();
  await expect(page).toHaveURL(/territory=06/);
  await expect(page).toHaveURL(/late=true/);

  const table = page.getByRole('table', { name: text(fr, 'commitments.list.caption') });
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const shownTitles = (await rows.locator('td:first-child a').allInnerTexts()).map((title) => title.trim());
  expect(shownTitles.length).toBeGreaterThan(0);
  // Every row says it is late, in words.
  for (const row of await rows.all()) await expect(row).toContainText(/En retard de \d+ jours?/);

  // The export downloads a file holding exactly the rows shown.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: text(fr, 'common.exportCsv') }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('engagements-06.csv');
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines.length - 1).toBe(shownTitles.length);
  for (const title of shownTitles) expect(csv).toContain(title);

  // The verification queue: accept the first declared fulfilment.
  await page.getByRole('tab', { name: text(fr, 'commitments.views.verification') }).click();
  await expect(page.getByRole('heading', { name: text(fr, 'commitments.verification.title') })).toBeVisible();
  const declaration = page.getByRole('article').first();
  const title = (await declaration.getByRole('heading').first().innerText()).trim();
  await declaration
    .getByRole('textbox', { name: text(fr, 'commitments.verify.note') })
    .fill('Pièces vérifiées en séance.');
  await declaration.getByRole('button', { name: text(fr, 'commitments.verify.accept') }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Déclaration acceptée' })).toContainText(title);
  await expect(page.getByRole('article').filter({ hasText: title })).toHaveCount(0);
});
