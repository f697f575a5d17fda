import { expect, type Page } from '@playwright/test';
import { ar, fr, projectId, signIn, text } from './journey';

/**
 * Journey 2, in either language: the elected official opens Lakhyayta from the projects list, asks a
 * formal question mentioning the SAO manager (chosen from the keyboard), and cannot open a
 * Marrakech-Safi project by its address.
 */
export async function electedOfficialAsksAQuestion(
  page: Page,
  baseURL: string,
  locale: 'fr' | 'ar',
): Promise<void> {
  const t = locale === 'ar' ? ar : fr;
  await signIn(page, 'elu@demo.convergence.ma', '/projects', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');

  await page
    .getByRole('searchbox', { name: text(t, 'projects.filters.search') })
    .or(page.getByRole('textbox', { name: text(t, 'projects.filters.search') }))
    .fill('Lakhyayta');
  await expect(page).toHaveURL(/search=Lakhyayta/);
  await page.getByRole('link', { name: 'Ville nouvelle de Lakhyayta' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lakhyayta');

  const question =
    locale === 'ar'
      ? 'متى سيتم تشغيل خط الحافلات نحو الدار البيضاء؟'
      : 'Quand la ligne de bus vers Casablanca sera-t-elle ouverte ?';
  const comment = page.getByRole('textbox', { name: text(t, 'discussion.composer.commentLabel') });
  await comment.fill(`${question} @Youss`);
  await expect(page.getByRole('listbox', { name: text(t, 'discussion.composer.mentionList') })).toBeVisible();
  await expect(page.getByRole('option', { name: 'Youssef Bennani' })).toBeVisible();
  await comment.press('Enter');
  await expect(comment).toHaveValue(`${question} @Youssef Bennani `);
  await page.getByRole('checkbox', { name: text(t, 'discussion.composer.question') }).check();
  await page.getByRole('button', { name: text(t, 'discussion.composer.submit') }).click();

  const posted = page.getByRole('article').filter({ hasText: question });
  await expect(posted).toBeVisible();
  await expect(posted).toContainText(text(t, 'discussion.comment.question'));

  // Another region's project, opened by its address, is simply not there for this reader.
  const marrakech = await projectId(baseURL, 'Tamansourt', '07');
  await page.goto(`/projects/${marrakech}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(t, 'projects.detail.notFound'));
  await expect(page.getByText('Tamansourt')).toHaveCount(0);
}
