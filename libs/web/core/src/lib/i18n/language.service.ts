import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { DEFAULT_LOCALE, directionOf, isLocale, type Locale } from '@convergence/shared/domain';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { BrowserStorage } from '../browser/browser-storage';

/** Where an explicit language choice is remembered on this device. */
export const LOCALE_KEY = 'cv.locale';

/**
 * Locale ids for Angular's date/number/currency pipes and Intl (data registered by provideI18n).
 * Arabic follows Moroccan conventions (Latin digits, MAD).
 */
export const FORMAT_LOCALES: Readonly<Record<Locale, string>> = { fr: 'fr', ar: 'ar-MA', en: 'en' };

/**
 * The language the UI is shown in: Transloco's active language, `<html lang>` and `dir`
 * (CDK's Directionality follows the root `[dir]` bound to `direction`).
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly html = inject(DOCUMENT).documentElement;
  private readonly storage = inject(BrowserStorage);
  private readonly active = signal<Locale>(DEFAULT_LOCALE);
  private lastRequest = 0;

  readonly locale = this.active.asReadonly();
  readonly direction = computed(() => directionOf(this.active()));
  readonly formatLocale = computed(() => FORMAT_LOCALES[this.active()]);

  /** The language chosen on this device, if any. */
  storedChoice(): Locale | null {
    const stored = this.storage.get(LOCALE_KEY);
    return isLocale(stored) ? stored : null;
  }

  /** On start: the remembered choice, else French. */
  start(): Promise<void> {
    return this.use(this.storedChoice() ?? DEFAULT_LOCALE);
  }

  /** An explicit choice of the user: shown now and remembered on this device. */
  choose(locale: Locale): Promise<void> {
    this.storage.set(LOCALE_KEY, locale);
    return this.use(locale);
  }

  /** A signed-in user's preferred language applies unless a choice was made on this device. */
  adopt(userLocale: Locale): Promise<void> {
    return this.storedChoice() ? Promise.resolve() : this.use(userLocale);
  }

  /** Switches once the translations are loaded (no flash of keys); the latest request wins. */
  async use(locale: Locale): Promise<void> {
    const request = ++this.lastRequest;
    try {
      await firstValueFrom(this.transloco.load(locale));
    } catch {
      // Transloco falls back to French for what it could not load.
    }
    if (request !== this.lastRequest) return;
    this.transloco.setActiveLang(locale);
    this.active.set(locale);
    this.html.lang = locale;
    this.html.dir = directionOf(locale);
  }
}
