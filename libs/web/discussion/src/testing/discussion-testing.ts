import { type EnvironmentProviders, importProvidersFrom } from '@angular/core';
import { LOCALES } from '@convergence/shared/domain';
import { type Translation, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function readJson(path: string): Translation {
  return JSON.parse(readFileSync(path, 'utf8')) as Translation;
}

/** The French texts users read: the app's global file and this library's scope. */
export const FR = {
  global: readJson(join(__dirname, '../../../../../apps/web/public/i18n/fr.json')),
  discussion: readJson(join(__dirname, '../i18n/fr.json')),
};

/**
 * Transloco with the real French texts, global and of the `discussion` scope the components load
 * themselves (`provideTranslocoScope`), so that tests find controls by the names people hear.
 */
export function provideDiscussionTranslations(): EnvironmentProviders {
  const langs: Record<string, Translation> = {};
  for (const locale of LOCALES) {
    langs[locale] = locale === 'fr' ? FR.global : {};
    langs[`discussion/${locale}`] = locale === 'fr' ? FR.discussion : {};
  }
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs,
      translocoConfig: {
        availableLangs: [...LOCALES],
        defaultLang: 'fr',
        fallbackLang: 'fr',
        reRenderOnLangChange: true,
        missingHandler: { logMissingKey: false },
      },
      preloadLangs: true,
    }),
  );
}

/** The text of an element with its blanks collapsed, as a screen reader reads it. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The accessible name of a control labelled by a <label for>, aria-labelledby or its own text. */
export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(' ')
      .map((id) => textOf(element.ownerDocument.getElementById(id)))
      .join(' ')
      .trim();
  }
  const label = element.getAttribute('aria-label');
  if (label) return label;
  const id = element.getAttribute('id');
  const forLabel = id ? element.ownerDocument.querySelector(`label[for="${id}"]`) : null;
  return forLabel ? textOf(forLabel) : textOf(element);
}
