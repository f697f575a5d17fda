import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The app's own translations, so the journey checks what a person reads in each language. */
const i18n = (locale: 'fr' | 'ar') =>
  JSON.parse(readFileSync(join(__dirname, '../../web/public/i18n', `${locale}.json`), 'utf8')) as {
    signIn: { email: string; password: string; submit: string };
    session: { signOut: string };
    language: { label: string };
    role: Record<string, string>;
  };
const fr = i18n('fr');
const ar = i18n('ar');

const PERSONAS = [
  { email: 'admin@demo.convergence.ma', name: 'Salma Berrada', role: 'ADMIN', locale: 'fr' },
  {
    email: 'ministere@demo.convergence.ma',
    name: 'Karim El Idrissi',
    role: 'MINISTRY_OFFICIAL',
    locale: 'fr',
  },
  { email: 'elu@demo.convergence.ma', name: 'Fatima Zahra Alaoui', role: 'ELECTED_OFFICIAL', locale: 'fr' },
  { email: 'sao@demo.convergence.ma', name: 'Youssef Bennani', role: 'SUBSIDIARY_MANAGER', locale: 'fr' },
  { email: 'prefecture@demo.convergence.ma', name: 'Nadia Chraibi', role: 'AUTHORITY_AGENT', locale: 'fr' },
  // This account prefers Arabic: the app switches to it once signed in.
  {
    email: 'elu.marrakech@demo.convergence.ma',
    name: 'Hassan Ouazzani',
    role: 'ELECTED_OFFICIAL',
    locale: 'ar',
  },
] as const;

async function expectDirection(page: Page, lang: 'fr' | 'ar', dir: 'ltr' | 'rtl') {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
}

for (const persona of PERSONAS) {
  test(`${persona.email} signs in, sees name and role, reads the page in Arabic right-to-left, signs out`, async ({
    page,
  }) => {
    // Unauthenticated visitors are sent to sign-in, and back where they were going afterwards.
    await page.goto('/about');
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/sign-in\?returnUrl=%2Fdashboard$/);
    await expectDirection(page, 'fr', 'ltr');

    await page.getByLabel(fr.signIn.email).fill(persona.email);
    await page.getByLabel(fr.signIn.password).fill('Convergence2026!');
    await page.getByRole('button', { name: fr.signIn.submit }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    const header = page.getByRole('banner');
    await expect(header).toContainText(persona.name);
    const first = persona.locale === 'ar' ? ar : fr;
    await expect(header).toContainText(first.role[persona.role]);

    if (persona.locale === 'fr') {
      await expectDirection(page, 'fr', 'ltr');
      await page.getByLabel(fr.language.label).selectOption('ar');
    }
    await expectDirection(page, 'ar', 'rtl');
    await expect(header).toContainText(ar.role[persona.role]);
    // Right-to-left for real: the toolbar's start (the brand) is laid out on the right.
    const brand = await header.getByRole('link').first().boundingBox();
    const viewport = page.viewportSize();
    expect(brand && viewport && brand.x > viewport.width / 2).toBe(true);

    await page.getByRole('button', { name: ar.session.signOut }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(header).not.toContainText(persona.name);
  });
}
