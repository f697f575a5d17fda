import { Directionality } from '@angular/cdk/bidi';
import { Component, inject, provideEnvironmentInitializer } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApolloLink } from '@apollo/client/link';
import { provideRouter, Router, TitleStrategy } from '@angular/router';
import { SessionStore, TranslatedTitleStrategy } from '@convergence/web/core';
import {
  FakeApi,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '@convergence/web/core/testing';
import { Apollo } from 'apollo-angular';
import { OperationTypeNode } from 'graphql';
import { NEVER } from 'rxjs';
import { App } from './app';
import { appRoutes } from './app.routes';

/** Reads the direction Material components get from CDK where pages render. */
@Component({ selector: 'cv-direction-probe', template: '{{ dir.value }}' })
class DirectionProbe {
  readonly dir = inject(Directionality);
}

/** The bell's live feed stays silent: subscriptions never reach a socket in unit tests. */
function provideSilentSubscriptions() {
  return provideEnvironmentInitializer(() => {
    const client = inject(Apollo).client;
    const others = client.link;
    const silent = new ApolloLink(() => NEVER);
    client.setLink(
      ApolloLink.split(
        (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
        silent,
        others,
      ),
    );
  });
}

describe('App shell', () => {
  let api: FakeApi;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'fr';
    document.documentElement.dir = 'ltr';
    api = new FakeApi((request) => {
      switch (request.operationName) {
        case 'Logout':
          return { data: { logout: true } };
        case 'UnreadNotificationCount':
          return { data: { unreadNotificationCount: 2 } };
        default:
          return new Error(`Unexpected ${request.operationName}`);
      }
    });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          ...appRoutes.slice(0, -1),
          { path: 'probe', component: DirectionProbe },
          ...appRoutes.slice(-1),
        ]),
        provideTranslocoTesting({
          fr: { app: { name: 'Convergence' }, about: { title: 'À propos' }, signIn: { title: 'Connexion' } },
          ar: { app: { name: 'Convergence' }, about: { title: 'حول المنصة' } },
        }),
        provideFakeApi(api),
        provideSilentSubscriptions(),
        { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
      ],
    });
  });

  async function render(url: string) {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
    const shell = fixture.nativeElement as HTMLElement;
    return { fixture, shell, router: TestBed.inject(Router) };
  }

  it('has a skip link, a header with navigation and a main landmark', async () => {
    const { shell } = await render('/about');

    const skip = shell.querySelector<HTMLAnchorElement>('.cv-skip-link')!;
    expect(skip.textContent).toContain('a11y.skipToContent');
    expect(shell.querySelector('header nav')?.getAttribute('aria-label')).toBe('nav.label');
    const main = shell.querySelector<HTMLElement>('main#main')!;
    skip.click();
    expect(document.activeElement).toBe(main);
  });

  it('sends a visitor to /sign-in, keeping where they were going', async () => {
    const { router, shell } = await render('/');

    expect(router.url).toBe('/sign-in?returnUrl=%2Fdashboard');
    expect(shell.querySelector('cv-sign-in-page')).not.toBeNull();
    expect(shell.textContent).not.toContain('nav.dashboard');
    expect(document.title).toBe('Connexion · Convergence');
  });

  it('lets a visitor read About, with a translated page title', async () => {
    const { router, shell } = await render('/about');

    expect(router.url).toBe('/about');
    expect(shell.querySelector('cv-about-page')).not.toBeNull();
    expect(document.title).toBe('À propos · Convergence');
  });

  it('switches to Arabic right-to-left from the language select, and Material follows', async () => {
    const { fixture, shell } = await render('/about');
    const select = shell.querySelector<HTMLSelectElement>('cv-language-select select')!;

    select.value = 'ar';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();

    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(shell.querySelector('.cv-app')?.getAttribute('dir')).toBe('rtl');
    expect(document.title).toBe('حول المنصة · Convergence');
    expect(localStorage.getItem('cv.locale')).toBe('ar');
  });

  it("gives pages the document's direction through CDK Directionality", async () => {
    const { fixture, shell } = await render('/about');
    const select = shell.querySelector<HTMLSelectElement>('cv-language-select select')!;
    select.value = 'ar';
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());

    await TestBed.inject(Router).navigateByUrl('/probe');
    await fixture.whenStable();

    expect(shell.querySelector('cv-direction-probe')?.textContent).toBe('rtl');
  });

  it('offers in the navigation only the pages the user may read', async () => {
    const permissions = [
      ['read', 'Project'],
      ['read', 'Commitment'],
    ];
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser({ permissions }));
    const { shell } = await render('/about');

    const links = Array.from(shell.querySelectorAll('header nav a')).map((link) => link.textContent?.trim());
    expect(links).toEqual(['nav.dashboard', 'nav.projects', 'nav.commitments', 'nav.about']);
  });

  it("shows a signed-in user's name, translated role and organisation, and signs them out", async () => {
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
    const { fixture, shell, router } = await render('/about');

    const user = shell.querySelector('.cv-user')?.textContent ?? '';
    expect(user).toContain('Nadia Bennani');
    expect(user).toContain('role.ELECTED_OFFICIAL');
    expect(user).toContain('Conseil de la Région Casablanca-Settat');
    expect(shell.querySelector('a[aria-current="page"]')?.textContent).toContain('nav.about');

    shell.querySelector<HTMLButtonElement>('button.cv-toolbar-action')!.click();
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(api.received('Logout')).toHaveLength(1);
    expect(router.url).toBe('/sign-in');
    expect(shell.querySelector('.cv-user')).toBeNull();
  });

  it('shows a signed-in user the notification bell with the unread count, outside the navigation', async () => {
    TestBed.inject(SessionStore).begin(fakeTokens('A1', 'R1'), fakeUser());
    const { fixture, shell } = await render('/about');
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    const bell = shell.querySelector<HTMLAnchorElement>('header cv-notification-bell a')!;
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.textContent).toContain('notifications.bell.labelPlural');
    expect(shell.querySelector('header cv-notification-bell .cv-bell-badge')?.textContent?.trim()).toBe('2');
    expect(shell.querySelector('header nav cv-notification-bell')).toBeNull();
    expect(api.received('UnreadNotificationCount')).toHaveLength(1);
  });

  it('shows no bell to a visitor', async () => {
    const { shell } = await render('/about');

    expect(shell.querySelector('cv-notification-bell')).toBeNull();
    expect(api.received('UnreadNotificationCount')).toHaveLength(0);
  });
});
