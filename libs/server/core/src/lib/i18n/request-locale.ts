import { DEFAULT_LOCALE, isLocale, type Locale } from '@convergence/shared/domain';

/** The language of an answer given before any user is known: the header's choice, else French. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  return requestedLocale(header) ?? DEFAULT_LOCALE;
}

/** The first supported language of the Accept-Language header, or null when it names none. */
export function requestedLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...attributes] = part.trim().split(';');
      const quality = attributes.find((a) => a.trim().startsWith('q='));
      return {
        language: tag.trim().slice(0, 2).toLowerCase(),
        q: quality ? Number(quality.trim().slice(2)) : 1,
      };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}
