import { translate } from './messages';
import { localeFromAcceptLanguage } from './request-locale';

describe('translate', () => {
  it('fills placeholders in the requested language', () => {
    expect(translate('fr', 'error.signInLocked', { minutes: 15 })).toBe(
      'Trop de tentatives de connexion échouées. Réessayez dans 15 minutes.',
    );
    expect(translate('ar', 'error.unknownTerritory', { code: '99' })).toBe('إقليم غير معروف: «99».');
    expect(translate('en', 'validation.maxLength', { max: 120 })).toBe('At most 120 characters.');
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'fr'],
    ['ar-MA,ar;q=0.9,fr;q=0.8', 'ar'],
    ['de-DE,en;q=0.5,fr;q=0.7', 'fr'],
    ['en-GB', 'en'],
    ['zh-CN', 'fr'],
    ['ar;q=0,en', 'en'],
  ])('picks the best supported language of %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
