import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { AuthService } from './auth/auth.service';
import { provideGraphql } from './graphql/provide-graphql';
import { LanguageService } from './i18n/language.service';
import { provideI18n } from './i18n/provide-i18n';
import { TranslatedTitleStrategy } from './routing/translated-title.strategy';

/**
 * Everything the shell needs from core. Before the first screen: the remembered language is loaded
 * and a kept session is restored silently, so guards decide with the session known.
 */
export function provideConvergenceCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideGraphql(),
    provideI18n(),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
    provideAppInitializer(() => {
      const language = inject(LanguageService);
      const auth = inject(AuthService);
      return Promise.all([language.start(), auth.restore()]).then(() => undefined);
    }),
  ]);
}
