import { importProvidersFrom } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Translation, TranslocoTestingModule } from '@jsverse/transloco';
import { WelcomeCard } from './welcome-card';

describe('WelcomeCard', () => {
  async function render(territory: { name: string; kind: 'REGION' } | null) {
    TestBed.configureTestingModule({
      providers: [
        provideFrench({
          home: { welcome: 'Bienvenue, {{name}}', national: 'Tout le Royaume' },
          role: { ELECTED_OFFICIAL: 'Élu' },
          organizationKind: { REGIONAL_COUNCIL: 'Conseil régional' },
          territoryKind: { REGION: 'Région' },
        }),
      ],
    });
    const fixture = TestBed.createComponent(WelcomeCard);
    fixture.componentRef.setInput('displayName', 'Nadia Bennani');
    fixture.componentRef.setInput('role', 'ELECTED_OFFICIAL');
    fixture.componentRef.setInput('organizationName', 'Conseil de la Région Casablanca-Settat');
    fixture.componentRef.setInput('organizationKind', 'REGIONAL_COUNCIL');
    fixture.componentRef.setInput('territory', territory);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('greets the user and shows their translated role, organisation and territory', async () => {
    const card = await render({ name: 'Casablanca-Settat', kind: 'REGION' });

    expect(card.querySelector('h1')?.textContent).toContain('Bienvenue, Nadia Bennani');
    const text = card.textContent ?? '';
    expect(text).toContain('Élu');
    expect(text).toContain('Conseil de la Région Casablanca-Settat');
    expect(text).toContain('Conseil régional');
    expect(text).toContain('Casablanca-Settat');
    expect(text).toContain('Région');
  });

  it('says the competence is national when the organisation has no territory', async () => {
    const card = await render(null);

    expect(card.textContent).toContain('Tout le Royaume');
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
