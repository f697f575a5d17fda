/** The personas of PRODUCT.md, one role per user. */
export const ROLES = [
  'ADMIN',
  'MINISTRY_OFFICIAL',
  'ELECTED_OFFICIAL',
  'SUBSIDIARY_MANAGER',
  'AUTHORITY_AGENT',
  'PARTNER_CONTRIBUTOR',
] as const;
export type Role = (typeof ROLES)[number];

/** The languages of the product; French is the administration's working language. */
export const LOCALES = ['fr', 'ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Writing direction of a locale: Arabic lays the page out right-to-left. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}
