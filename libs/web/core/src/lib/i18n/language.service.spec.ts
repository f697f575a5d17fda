import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideTranslocoTesting } from '../../testing';
import { LanguageService, LOCALE_KEY } from './language.service';

describe('LanguageService', () => {
  let language: LanguageService;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'fr';
    document.documentElement.dir = 'ltr';
    TestBed.configureTestingModule({ providers: [provideTranslocoTesting()] });
    language = TestBed.inject(LanguageService);
  });

  it('switches to Arabic right-to-left: <html lang="ar" dir="rtl">', async () => {
    await language.use('ar');

    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(language.direction()).toBe('rtl');
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('ar');
  });

  it('switches back to a left-to-right language', async () => {
    await language.use('ar');
    await language.use('en');

    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('formats dates and numbers with Moroccan Arabic conventions in Arabic', async () => {
    expect(language.formatLocale()).toBe('fr');
    await language.use('ar');
    expect(language.formatLocale()).toBe('ar-MA');
  });

  it('remembers an explicit choice on this device and starts with it', async () => {
    await language.choose('en');

    expect(localStorage.getItem(LOCALE_KEY)).toBe('en');
    await language.use('fr');
    await language.start();
    expect(language.locale()).toBe('en');
  });

  it("applies the user's preferred language only when no choice was made on this device", async () => {
    await language.adopt('ar');
    expect(language.locale()).toBe('ar');

    await language.choose('fr');
    await language.adopt('en');
    expect(language.locale()).toBe('fr');
  });

  it('starts in French when nothing was chosen', async () => {
    localStorage.setItem(LOCALE_KEY, 'de');

    await language.start();

    expect(language.locale()).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
  });
});
