import { Component, importProvidersFrom, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Locale } from '@convergence/shared/domain';
import { type Translation, TranslocoTestingModule } from '@jsverse/transloco';
import { LanguageSelect } from './language-select';

@Component({
  imports: [LanguageSelect],
  template: `<cv-language-select [locale]="locale()" (localeChange)="chosen.push($event)" />`,
})
class Host {
  readonly locale = signal<Locale>('fr');
  readonly chosen: Locale[] = [];
}

describe('LanguageSelect', () => {
  async function render() {
    TestBed.configureTestingModule({
      providers: [
        provideFrench({ language: { label: 'Langue', fr: 'Français', ar: 'العربية', en: 'English' } }),
      ],
    });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const select: HTMLSelectElement = fixture.nativeElement.querySelector('select');
    return { fixture, select };
  }

  it('is a labelled control listing each language in itself', async () => {
    const { fixture, select } = await render();
    const label: HTMLLabelElement = fixture.nativeElement.querySelector('label');

    expect(label.htmlFor).toBe(select.id);
    expect(label.textContent?.trim()).toBe('Langue');
    expect(
      Array.from(select.options).map((option) => [option.value, option.lang, option.text.trim()]),
    ).toEqual([
      ['fr', 'fr', 'Français'],
      ['ar', 'ar', 'العربية'],
      ['en', 'en', 'English'],
    ]);
    expect(select.value).toBe('fr');
  });

  it('asks for the language picked', async () => {
    const { fixture, select } = await render();

    select.value = 'ar';
    select.dispatchEvent(new Event('change'));

    expect(fixture.componentInstance.chosen).toEqual(['ar']);
  });

  it('shows the current language when it changes from outside', async () => {
    const { fixture, select } = await render();

    fixture.componentInstance.locale.set('en');
    await fixture.whenStable();

    expect(select.value).toBe('en');
  });
});

/** ui may not depend on core: a local Transloco with the few French strings the test reads. */
function provideFrench(fr: Translation) {
  return importProvidersFrom(
    TranslocoTestingModule.forRoot({
      langs: { fr },
      translocoConfig: {
        availableLangs: ['fr'],
        defaultLang: 'fr',
        reRenderOnLangChange: true,
        missingHandler: { logMissingKey: false },
      },
      preloadLangs: true,
    }),
  );
}
