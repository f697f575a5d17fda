import { Injectable } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';

/** Loads `i18n/<lang>.json` served beside the app (apps/web/public/i18n), relative to <base href>. */
@Injectable({ providedIn: 'root' })
export class TranslationLoader implements TranslocoLoader {
  async getTranslation(lang: string): Promise<Translation> {
    const response = await fetch(`i18n/${lang}.json`);
    if (!response.ok) throw new Error(`Translations for ${lang}: HTTP ${response.status}`);
    return (await response.json()) as Translation;
  }
}
