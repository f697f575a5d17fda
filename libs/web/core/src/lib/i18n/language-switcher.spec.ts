import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FakeApi, fakeTokens, fakeUser, provideFakeApi, provideTranslocoTesting } from '../../testing';
import { SessionStore } from '../auth/session.store';
import { LanguageSwitcher } from './language-switcher';

describe('LanguageSwitcher', () => {
  let api: FakeApi;

  beforeEach(() => {
    localStorage.clear();
    api = new FakeApi((request) => ({
      data: { updateMyLocale: fakeUser({ locale: request.variables['locale'] === 'ar' ? 'ar' : 'fr' }) },
    }));
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideTranslocoTesting(), provideFakeApi(api)],
    });
  });

  it("saves a signed-in user's new language so that e-mails follow it", async () => {
    const session = TestBed.inject(SessionStore);
    session.begin(fakeTokens('A1', 'R1'), fakeUser());

    await TestBed.inject(LanguageSwitcher).switchTo('ar');

    expect(api.received('UpdateMyLocale').map((request) => request.variables)).toEqual([{ locale: 'ar' }]);
    expect(session.user()?.locale).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('only switches the screen for a visitor who is not signed in', async () => {
    await TestBed.inject(LanguageSwitcher).switchTo('en');

    expect(api.requests).toHaveLength(0);
    expect(document.documentElement.lang).toBe('en');
  });
});
