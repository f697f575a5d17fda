import { type EnvironmentProviders, importProvidersFrom } from '@angular/core';
import { LOCALES, type Locale } from '@convergence/shared/domain';
import { type Translation, TranslocoTestingModule } from '@jsverse/transloco';

/**
 * Transloco for unit tests: the three languages, loaded synchronously. With no translations given,
 * templates render their keys, so tests read `signIn.errors.emailRequired` rather than wording.
 */
export function provideTranslocoTesting(
  translations: Partial<Record<Locale, Translation>> = {},
): EnvironmentProviders {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: Object.fromEntries(LOCALES.map((locale) => [locale, translations[locale] ?? {}])),
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
