import { DEFAULT_LOCALE, isLocale, type Locale } from '@convergence/shared/domain';

/**
 * The language to answer in when the user's own preference is not known yet (signed-out requests):
 * the first supported language of the Accept-Language header, else French.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
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
  return ranked.map((entry) => entry.language).find(isLocale) ?? DEFAULT_LOCALE;
}
