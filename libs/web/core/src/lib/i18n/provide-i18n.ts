import { registerLocaleData } from '@angular/common';
import localeArMa from '@angular/common/locales/ar-MA';
import localeFr from '@angular/common/locales/fr';
import { type EnvironmentProviders, isDevMode, provideEnvironmentInitializer } from '@angular/core';
import { DEFAULT_LOCALE, LOCALES } from '@convergence/shared/domain';
import { provideTransloco } from '@jsverse/transloco';
import { TranslationLoader } from './translation-loader';

/** Transloco with fr (default), ar, en, and the locale data date/number pipes need ('en' is built in). */
export function provideI18n(): EnvironmentProviders[] {
  return [
    ...provideTransloco({
      config: {
        availableLangs: [...LOCALES],
        defaultLang: DEFAULT_LOCALE,
        fallbackLang: DEFAULT_LOCALE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: TranslationLoader,
    }),
    provideEnvironmentInitializer(() => {
      registerLocaleData(localeFr, 'fr');
      registerLocaleData(localeArMa, 'ar-MA');
    }),
  ];
}
