import { expect, type Page, test } from '@playwright/test';
import { electedOfficialAsksAQuestion } from './support/discussion';
import { ar, fr, visibleText } from './support/journey';

/**
 * Texts that would betray a missing Arabic translation: every French text of the app that differs
 * from its Arabic one and is a sentence rather than a few words (the demo data is French, and short
 * labels such as "Ville nouvelle" also occur in project titles and comments).
 */
const FRENCH_ONLY = [...fr].flatMap(([key, french]) =>
  french.length >= 20 && !french.includes('{{') && ar.get(key) !== french ? [french] : [],
);
const RAW_KEY =
  /\b(?:common|nav|pages|projects|discussion|notifications|errors|projectStatus|health)\.[a-z][A-Za-z]+/;

async function expectEverythingInArabic(page: Page): Promise<void> {
  const shown = await visibleText(page);
  expect(FRENCH_ONLY.filter((french) => shown.includes(french))).toEqual([]);
  expect(shown).not.toMatch(RAW_KEY);
}

test('journey 2 in Arabic: right-to-left, and no untranslated text', async ({ page, baseURL }) => {
  await electedOfficialAsksAQuestion(page, baseURL ?? '', 'ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  // The not-found page where the journey ends, then the project page where the question was asked.
  await expectEverythingInArabic(page);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lakhyayta');
  await expectEverythingInArabic(page);

  // The toolbar's start (the brand) sits on the right.
  const brand = await page.getByRole('banner').getByRole('link').first().boundingBox();
  expect(brand && brand.x > (page.viewportSize()?.width ?? 0) / 2).toBe(true);
});
