import { TestBed } from '@angular/core/testing';
import { provideTranslocoTesting } from '../../testing';
import { LanguageService } from '../i18n/language.service';
import { provideI18n } from '../i18n/provide-i18n';
import { LocaleFormat } from './locale-format';

/** Intl separates thousands with narrow no-break spaces in French: compare on plain spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('LocaleFormat', () => {
  let format: LocaleFormat;
  let language: LanguageService;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n(), provideTranslocoTesting()] });
    language = TestBed.inject(LanguageService);
    format = TestBed.inject(LocaleFormat);
    await language.use('fr');
  });

  it('writes exact dirhams with centimes, and compact ones without a stray decimal', () => {
    expect(plain(format.money('2100000000.00'))).toBe('2 100 000 000,00 MAD');
    expect(plain(format.money('300000000', { compact: true }))).toBe('300 M MAD');
    expect(plain(format.money('2100000000', { compact: true }))).toBe('2,1 Md MAD');
    expect(format.money(null)).toBe('');
  });

  it('follows the language: Arabic with Latin digits (Moroccan usage), English', async () => {
    await language.use('ar');
    expect(format.money('1500.5')).toMatch(/1[.,\s\u202f\u00a0]?500[.,]50/);
    expect(format.money('1500.5')).not.toMatch(/[٠-٩]/);
    await language.use('en');
    expect(plain(format.money('1500.5'))).toBe('MAD 1,500.50');
    expect(format.percent(40)).toBe('40%');
  });

  it('shows a calendar date as written and a timestamp in Casablanca time', async () => {
    await language.use('en');
    // Midnight UTC would be the day before in a western time zone: calendar dates are not shifted.
    expect(format.date('2026-03-31')).toBe('Mar 31, 2026');
    // 23:30 UTC on 31 March is already 1 April, 00:30, in Casablanca (UTC+1).
    expect(format.date('2026-03-31T23:30:00Z', 'dateTime')).toBe('Apr 1, 2026, 12:30 AM');
  });
});
