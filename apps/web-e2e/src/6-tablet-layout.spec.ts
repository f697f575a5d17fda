import { expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './support/journey';

test.use({ viewport: { width: 768, height: 1024 } });

/** How far the page reaches past the right or left edge of the screen, in pixels (0: it fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Waits until the page has rendered its content (heading shown, no loading placeholder left). */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.locator('cv-skeleton')).toHaveCount(0, { timeout: 15_000 });
}

for (const locale of ['fr', 'ar'] as const) {
  test(`on a tablet in ${locale}, the ministry official's pages fit the screen`, async ({ page }) => {
    await signIn(page, ACCOUNTS.ministry, '/dashboard', locale);
    const overflowing: string[] = [];
    for (const path of [
      '/dashboard?territory=06',
      '/projects?territory=06',
      '/commitments?territory=06&late=true',
      '/commitments?view=scorecard',
      '/actions',
      '/forums',
      '/notifications',
    ]) {
      await page.goto(path);
      await settled(page);
      const excess = await overflow(page);
      if (excess > 0) overflowing.push(`${path}: ${excess}px`);
    }
    for (const prefix of ['/projects/', '/forums/']) {
      await page.goto(prefix.slice(0, -1));
      await settled(page);
      await page.locator(`main a[href^="${prefix}"]`).first().click();
      await settled(page);
      const excess = await overflow(page);
      if (excess > 0) overflowing.push(`${page.url()}: ${excess}px`);
    }
    expect(overflowing).toEqual([]);
  });
}
