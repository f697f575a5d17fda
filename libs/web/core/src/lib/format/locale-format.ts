import { inject, Injectable } from '@angular/core';
import { LanguageService } from '../i18n/language.service';

/** A calendar date ("2026-03-31") or a timestamp (ISO 8601). */
export type DateInput = string | null | undefined;

export type DateStyle = 'date' | 'dateTime' | 'relative';

/**
 * Numbers, money and dates in the reader's language (Intl, with the locale ids of FORMAT_LOCALES).
 * Reads the language signal, so templates and computed() that use it follow a language switch.
 */
@Injectable({ providedIn: 'root' })
export class LocaleFormat {
  private readonly language = inject(LanguageService);

  /**
   * Dirhams from a Decimal string ("500000000.00") or a number. `compact` gives "500 M MAD" for
   * tiles and charts; the exact figure stays in tables and forms. Display only: never compute with it.
   */
  money(value: string | number | null | undefined, options: { compact?: boolean } = {}): string {
    if (value === null || value === undefined || value === '') return '';
    return new Intl.NumberFormat(this.language.formatLocale(), {
      style: 'currency',
      currency: 'MAD',
      notation: options.compact ? 'compact' : 'standard',
      // Compact: "300 M MAD", not "300,0 M MAD"; exact amounts keep their centimes.
      minimumFractionDigits: options.compact ? 0 : 2,
      maximumFractionDigits: options.compact ? 1 : 2,
    }).format(Number(value));
  }

  number(value: string | number | null | undefined, maximumFractionDigits = 2): string {
    if (value === null || value === undefined || value === '') return '';
    return new Intl.NumberFormat(this.language.formatLocale(), { maximumFractionDigits }).format(
      Number(value),
    );
  }

  /** `value` in 0–100 (progress is stored as a percentage). */
  percent(value: number | null | undefined): string {
    if (value === null || value === undefined) return '';
    return new Intl.NumberFormat(this.language.formatLocale(), {
      style: 'percent',
      maximumFractionDigits: 0,
    }).format(value / 100);
  }

  /** Calendar dates are shown as written (no time zone shift); timestamps in Africa/Casablanca. */
  date(value: DateInput, style: DateStyle = 'date'): string {
    if (!value) return '';
    const locale = this.language.formatLocale();
    if (style === 'relative') return relativeTime(new Date(value), locale);
    const calendarDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: style === 'dateTime' && !calendarDate ? 'short' : undefined,
      timeZone: calendarDate ? 'UTC' : 'Africa/Casablanca',
    }).format(new Date(calendarDate ? `${value}T00:00:00Z` : value));
  }
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "il y a 3 jours", "dans 2 heures", "à l'instant"-like wording from Intl. */
function relativeTime(date: Date, locale: string, now = Date.now()): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}
