import { ApplicationRef, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  FakeApi,
  type FakeRequest,
  type FakeResponse,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
  unauthenticated,
} from '../../testing';
import { MeDocument } from '../graphql/generated';
import { AuthService } from './auth.service';
import { REFRESH_TOKEN_KEY, SessionStore } from './session.store';

/** An api whose access tokens are A1, A2, … and refresh tokens R1, R2, …, rotated on each refresh. */
function rotatingApi(options: { refreshDelayMs?: number; rejectRefresh?: boolean } = {}) {
  let generation = 1;
  const spent = new Set<string>();
  return new FakeApi(async (request: FakeRequest): Promise<FakeResponse> => {
    switch (request.operationName) {
      case 'Login':
        return { data: { login: fakeTokens(`A${generation}`, `R${generation}`) } };
      case 'RefreshSession': {
        await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs ?? 0));
        const presented = String(request.variables['refreshToken']);
        if (options.rejectRefresh || spent.has(presented) || presented !== `R${generation}`) {
          return unauthenticated('Refresh token revoked.');
        }
        spent.add(presented);
        generation += 1;
        return { data: { refreshSession: fakeTokens(`A${generation}`, `R${generation}`) } };
      }
      case 'Me':
        return request.headers['Authorization'] === `Bearer A${generation}`
          ? { data: { me: fakeUser() } }
          : unauthenticated();
      case 'Logout':
        return { data: { logout: true } };
      default:
        return new Error(`Unexpected ${request.operationName}`);
    }
  });
}

@Component({ template: '' })
class BlankPage {}

function setUp(api: FakeApi) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([{ path: '**', component: BlankPage }]),
      provideTranslocoTesting(),
      provideFakeApi(api),
    ],
  });
  return {
    auth: TestBed.inject(AuthService),
    session: TestBed.inject(SessionStore),
    apollo: TestBed.inject(Apollo),
    router: TestBed.inject(Router),
  };
}

function queryMe(apollo: Apollo) {
  return firstValueFrom(
    apollo.query({ query: MeDocument, fetchPolicy: 'network-only', context: { queryDeduplication: false } }),
  );
}

describe('AuthService', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => jest.useRealTimers());

  it('signs in, keeps the access token in memory and the refresh token in localStorage', async () => {
    const api = rotatingApi();
    const { auth, session } = setUp(api);

    const user = await auth.signIn('elu@demo.convergence.ma', 'Convergence2026!');

    expect(user.displayName).toBe('Nadia Bennani');
    expect(auth.isAuthenticated()).toBe(true);
    expect(session.accessToken()).toBe('A1');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('R1');
    expect(JSON.stringify(localStorage)).not.toContain('A1');
  });

  it('rejects refused credentials with the api message, without trying to refresh', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'R-of-someone-else');
    const api = new FakeApi(() => unauthenticated('Adresse e-mail ou mot de passe incorrect.'));
    const { auth } = setUp(api);

    await expect(auth.signIn('elu@demo.convergence.ma', 'wrong')).rejects.toThrow(
      'Adresse e-mail ou mot de passe incorrect.',
    );

    expect(api.received('RefreshSession')).toHaveLength(0);
    expect(auth.isAuthenticated()).toBe(false);
  });

  it('sends the access token and the UI language with every operation', async () => {
    const api = rotatingApi();
    const { auth, apollo } = setUp(api);
    await auth.signIn('elu@demo.convergence.ma', 'Convergence2026!');

    await queryMe(apollo);

    expect(api.received('Me')[0].headers).toEqual(
      expect.objectContaining({ Authorization: 'Bearer A1', 'Accept-Language': 'fr' }),
    );
  });

  it('shares one refreshSession between concurrent UNAUTHENTICATED failures, then replays both', async () => {
    const api = rotatingApi({ refreshDelayMs: 20 });
    const { apollo, session } = setUp(api);
    // The access token in memory has expired on the server; R1 is still good.
    session.begin(fakeTokens('stale', 'R1'), fakeUser());

    const [first, second] = await Promise.all([queryMe(apollo), queryMe(apollo)]);

    expect(api.received('RefreshSession')).toHaveLength(1);
    expect(first.data?.me.displayName).toBe('Nadia Bennani');
    expect(second.data?.me.displayName).toBe('Nadia Bennani');
    // Refused twice with the stale token; then the renewal's own `me`, then both replays.
    expect(api.received('Me').map((request) => request.headers['Authorization'])).toEqual([
      'Bearer stale',
      'Bearer stale',
      'Bearer A2',
      'Bearer A2',
      'Bearer A2',
    ]);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('R2');
  });

  it('always stores the newest refresh token and presents it on the next refresh', async () => {
    const api = rotatingApi();
    const { auth, session } = setUp(api);
    await auth.signIn('elu@demo.convergence.ma', 'Convergence2026!');

    expect(await auth.refresh()).toBe(true);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('R2');
    expect(await auth.refresh()).toBe(true);

    expect(api.received('RefreshSession').map((request) => request.variables['refreshToken'])).toEqual([
      'R1',
      'R2',
    ]);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('R3');
    expect(session.accessToken()).toBe('A3');
  });

  it('clears the session and goes to /sign-in with a returnUrl when the refresh is refused', async () => {
    const api = rotatingApi({ rejectRefresh: true });
    const { auth, apollo, session, router } = setUp(api);
    await auth.signIn('elu@demo.convergence.ma', 'Convergence2026!');
    await router.navigateByUrl('/projects?status=WORKS');
    session.begin(fakeTokens('expired', 'R1'), fakeUser());

    await expect(queryMe(apollo)).rejects.toThrow('Session expired.');
    await TestBed.inject(ApplicationRef).whenStable();

    expect(auth.isAuthenticated()).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(router.url).toBe('/sign-in?returnUrl=%2Fprojects%3Fstatus%3DWORKS');
  });

  it('keeps the newest refresh token when the renewed session cannot be read right away', async () => {
    let online = true;
    const api = new FakeApi((request) => {
      if (!online && request.operationName === 'Me') return new TypeError('Failed to fetch');
      if (request.operationName === 'Login') return { data: { login: fakeTokens('A1', 'R1') } };
      if (request.operationName === 'RefreshSession')
        return { data: { refreshSession: fakeTokens('A2', 'R2') } };
      return { data: { me: fakeUser() } };
    });
    const { auth, session } = setUp(api);
    await auth.signIn('elu@demo.convergence.ma', 'Convergence2026!');
    online = false;

    expect(await auth.refresh()).toBe(true);

    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('R2');
    expect(session.accessToken()).toBe('A2');
    expect(auth.user()?.displayName).toBe('Nadia Bennani');
  });

  it('restores the session silently on start when a refresh token was kept', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'R1');
    const api = rotatingApi();
    const { auth, session } = setUp(api);

    await auth.restore();

    expect(auth.isAuthenticated()).toBe(true);
    expect(session.accessToken()).toBe('A2');
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBe('R2');
  });

  it('does not call the api on start without a refresh token', async () => {
    const api = rotatingApi();
    const { auth } = setUp(api);

    await auth.restore();

    expect(auth.isAuthenticated()).toBe(false);
    expect(api.requests).toHaveLength(0);
  });

  it('renews the session silently about a minute before the access token expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-29T10:00:00Z') });
    const api = rotatingApi();
    const { auth, session } = setUp(api);
    await auth.signIn('elu@demo.convergence.ma', 'Convergence2026!');
    // Login answered with a token valid 15 minutes.

    await jest.advanceTimersByTimeAsync(13 * 60_000);
    expect(api.received('RefreshSession')).toHaveLength(0);

    await jest.advanceTimersByTimeAsync(60_000 + 1_000);
    expect(api.received('RefreshSession')).toHaveLength(1);
    expect(session.accessToken()).toBe('A2');
  });

  it('signs out: calls logout with the session, then forgets everything', async () => {
    const api = rotatingApi();
    const { auth, session, router } = setUp(api);
    await auth.signIn('elu@demo.convergence.ma', 'Convergence2026!');

    await auth.signOut();

    expect(api.received('Logout')[0].headers['Authorization']).toBe('Bearer A1');
    expect(auth.isAuthenticated()).toBe(false);
    expect(session.accessToken()).toBeNull();
    expect(auth.user()).toBeNull();
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
    expect(router.url).toBe('/sign-in');
  });

  it('still signs out locally when the api cannot be reached', async () => {
    const api = new FakeApi((request) => {
      if (request.operationName === 'Login') return { data: { login: fakeTokens('A1', 'R1') } };
      if (request.operationName === 'Me') return { data: { me: fakeUser() } };
      return new TypeError('Failed to fetch');
    });
    const { auth } = setUp(api);
    await auth.signIn('elu@demo.convergence.ma', 'Convergence2026!');

    await auth.signOut();

    expect(auth.isAuthenticated()).toBe(false);
    expect(localStorage.getItem(REFRESH_TOKEN_KEY)).toBeNull();
  });
});
