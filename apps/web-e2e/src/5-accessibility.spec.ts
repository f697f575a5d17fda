import { expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, seriousAccessibilityViolations, signIn } from './support/journey';

/** Waits until the page has rendered its content (heading shown, no loading placeholder left). */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('cv-skeleton')).toHaveCount(0, { timeout: 15_000 });
}

async function expectNoSeriousViolation(page: Page, where: string): Promise<void> {
  await settled(page);
  expect({ where, violations: await seriousAccessibilityViolations(page) }).toEqual({
    where,
    violations: [],
  });
}

/** The first link of the main content leading to a detail page under `prefix`. */
async function openFirst(page: Page, prefix: string): Promise<void> {
  await page.locator(`main a[href^="${prefix}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${prefix}[^/?]+`));
}

test('axe-core finds no serious or critical violation on the public pages', async ({ page }) => {
  for (const path of ['/sign-in', '/about']) {
    await page.goto(path);
    await expectNoSeriousViolation(page, path);
  }
});

test('axe-core finds no serious or critical violation on the ministry official’s pages', async ({ page }) => {
  await signIn(page, ACCOUNTS.ministry, '/dashboard');
  await expectNoSeriousViolation(page, '/dashboard');

  for (const [list, detail] of [
    ['/projects', '/projects/'],
    ['/commitments', '/commitments/'],
    ['/actions', '/actions/'],
    ['/forums', '/forums/'],
  ] as const) {
    await page.goto(list);
    await expectNoSeriousViolation(page, list);
    await openFirst(page, detail);
    await expectNoSeriousViolation(page, `${detail}:id`);
  }
  for (const view of ['verification', 'scorecard']) {
    await page.goto(`/commitments?view=${view}`);
    await expectNoSeriousViolation(page, `/commitments?view=${view}`);
  }
  for (const path of ['/notifications', '/notifications/preferences']) {
    await page.goto(path);
    await expectNoSeriousViolation(page, path);
  }
});

test('axe-core finds no serious or critical violation on the report form, in Arabic, and on administration', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.sao, '/projects?search=Lakhyayta');
  await openFirst(page, '/projects/');
  await page.getByRole('button', { name: "Signaler l'avancement" }).click();
  await expectNoSeriousViolation(page, '/projects/:id with the report form open');
  await page.getByRole('banner').locator('cv-language-select select').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.goto('/dashboard');
  await expectNoSeriousViolation(page, '/dashboard in Arabic');
  await page.getByRole('button', { name: /تسجيل الخروج/ }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.evaluate(() => localStorage.clear());
  await signIn(page, ACCOUNTS.admin, '/admin/users');
  await expectNoSeriousViolation(page, '/admin/users');
  await page.goto('/admin/organizations');
  await expectNoSeriousViolation(page, '/admin/organizations');
});
