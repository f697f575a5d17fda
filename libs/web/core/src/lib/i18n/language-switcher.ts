import { inject, Injectable } from '@angular/core';
import type { Locale } from '@convergence/shared/domain';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { UpdateMyLocaleDocument } from '../graphql/generated';
import { LanguageService } from './language.service';

/** What the language menu does: switch the UI and, when signed in, the user's preferred language. */
@Injectable({ providedIn: 'root' })
export class LanguageSwitcher {
  private readonly language = inject(LanguageService);
  private readonly session = inject(SessionStore);
  private readonly apollo = inject(Apollo);

  async switchTo(locale: Locale): Promise<void> {
    await this.language.choose(locale);
    const user = this.session.user();
    if (!user || user.locale === locale) return;
    try {
      // So that e-mails and notifications follow the language the user reads.
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: UpdateMyLocaleDocument,
          variables: { locale },
          fetchPolicy: 'no-cache',
        }),
      );
      if (result.data) this.session.setUser(result.data.updateMyLocale);
    } catch {
      // The screen changed language anyway; the preference is saved on the next switch.
    }
  }
}
