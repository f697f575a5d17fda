import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthService } from '@convergence/web/core';
import {
  FakeApi,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
  unauthenticated,
} from '@convergence/web/core/testing';
import { authRoutes } from '../auth.routes';

@Component({ template: '<p>projects</p>' })
class ProjectsPage {}

describe('SignInPage', () => {
  let api: FakeApi;
  let answerLogin: () => FakeResponse | Promise<FakeResponse>;

  beforeEach(() => {
    localStorage.clear();
    answerLogin = () => ({ data: { login: fakeTokens('A1', 'R1') } });
    api = new FakeApi((request) =>
      request.operationName === 'Me' ? { data: { me: fakeUser() } } : answerLogin(),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', children: authRoutes },
          { path: 'projects', component: ProjectsPage },
        ]),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
  });

  async function open(url = '/sign-in') {
    const harness = await RouterTestingHarness.create(url);
    const page: HTMLElement = harness.routeNativeElement as HTMLElement;
    const field = (name: string) => page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`)!;
    const type = (name: string, value: string) => {
      field(name).value = value;
      field(name).dispatchEvent(new Event('input'));
      field(name).dispatchEvent(new Event('blur'));
    };
    const submit = async () => {
      page.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await harness.fixture.whenStable();
    };
    const text = () => page.textContent ?? '';
    const alert = () => page.querySelector('[role="alert"]')!;
    return { harness, page, field, type, submit, text, alert };
  }

  it('has a labelled e-mail and password field, and an empty live region for errors', async () => {
    const { page, field, alert } = await open();

    expect(page.querySelector('h1')?.textContent).toContain('signIn.heading');
    for (const name of ['email', 'password']) {
      const label = page.querySelector(`label[for="${field(name).id}"]`);
      expect(label?.textContent).toContain(`signIn.${name}`);
    }
    expect(field('email').type).toBe('email');
    expect(field('password').autocomplete).toBe('current-password');
    expect(alert().getAttribute('aria-live')).toBe('assertive');
    expect(alert().textContent?.trim()).toBe('');
  });

  it('shows what is missing next to each field and sends nothing', async () => {
    const { submit, text, field, page } = await open();

    await submit();

    expect(text()).toContain('signIn.errors.emailRequired');
    expect(text()).toContain('signIn.errors.passwordRequired');
    // Each message is announced with its field.
    for (const name of ['email', 'password']) {
      const described = field(name).getAttribute('aria-describedby') ?? '';
      const error = page.querySelector(
        `#${described.split(' ').find((id) => id.startsWith('mat-mdc-error'))}`,
      );
      expect(error?.textContent).toContain(`signIn.errors.${name}Required`);
    }
    expect(document.activeElement).toBe(field('email'));
    expect(api.requests).toHaveLength(0);
  });

  it('explains an e-mail address that is not one', async () => {
    const { type, submit, text } = await open();

    type('email', 'nadia.bennani');
    type('password', 'Convergence2026!');
    await submit();

    expect(text()).toContain('signIn.errors.emailInvalid');
    expect(api.requests).toHaveLength(0);
  });

  it("announces the api's message when the credentials are refused", async () => {
    answerLogin = () => unauthenticated('Adresse e-mail ou mot de passe incorrect.');
    const { type, submit, alert, harness } = await open();

    type('email', 'elu@demo.convergence.ma');
    type('password', 'wrong');
    await submit();

    expect(alert().textContent).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(harness.routeNativeElement).toBeTruthy();
  });

  it('puts a field message from the api next to its field', async () => {
    answerLogin = () => ({
      data: null,
      errors: [
        {
          message: 'Données invalides.',
          extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'Compte inconnu.' }] },
        },
      ],
    });
    const { type, submit, text, alert } = await open();

    type('email', 'inconnu@demo.convergence.ma');
    type('password', 'Convergence2026!');
    await submit();

    expect(alert().textContent).toContain('Données invalides.');
    expect(text()).toContain('Compte inconnu.');
  });

  it('says so when the api cannot be reached', async () => {
    answerLogin = () => new TypeError('Failed to fetch');
    const { type, submit, alert } = await open();

    type('email', 'elu@demo.convergence.ma');
    type('password', 'Convergence2026!');
    await submit();

    expect(alert().textContent).toContain('errors.NETWORK');
  });

  it('is busy while signing in and sends the form once', async () => {
    let release: (response: FakeResponse) => void = () => undefined;
    answerLogin = () => new Promise<FakeResponse>((resolve) => (release = resolve));
    const { type, page, harness } = await open();
    type('email', 'elu@demo.convergence.ma');
    type('password', 'Convergence2026!');
    const button = page.querySelector<HTMLButtonElement>('button[type="submit"]')!;

    button.click();
    await new Promise((resolve) => setTimeout(resolve));
    harness.fixture.detectChanges();
    button.click();
    await new Promise((resolve) => setTimeout(resolve));
    harness.fixture.detectChanges();

    expect(button.textContent).toContain('signIn.submitting');
    expect(page.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
    expect(page.querySelector('mat-progress-bar')).not.toBeNull();
    expect(api.received('Login')).toHaveLength(1);

    release({ data: { login: fakeTokens('A1', 'R1') } });
    await harness.fixture.whenStable();
  });

  it('signs in and goes back to where the user was going', async () => {
    const { type, submit, harness } = await open('/sign-in?returnUrl=%2Fprojects%3Fstatus%3DWORKS');

    type('email', ' elu@demo.convergence.ma ');
    type('password', 'Convergence2026!');
    await submit();
    await harness.fixture.whenStable();

    expect(api.received('Login')[0].variables).toEqual({
      email: 'elu@demo.convergence.ma',
      password: 'Convergence2026!',
    });
    expect(TestBed.inject(AuthService).isAuthenticated()).toBe(true);
    expect(TestBed.inject(Router).url).toBe('/projects?status=WORKS');
  });

  it('goes home after signing in when no returnUrl was given, and never to another site', async () => {
    const { type, submit, harness } = await open('/sign-in?returnUrl=https%3A%2F%2Fevil.example');

    type('email', 'elu@demo.convergence.ma');
    type('password', 'Convergence2026!');
    await submit();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/');
  });
});
