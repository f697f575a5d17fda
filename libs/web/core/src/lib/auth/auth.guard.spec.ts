import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import {
  FakeApi,
  type FakeRequest,
  fakeTokens,
  fakeUser,
  provideFakeApi,
  provideTranslocoTesting,
} from '../../testing';
import { authGuard, guestGuard } from './auth.guard';
import { REFRESH_TOKEN_KEY } from './session.store';

@Component({ template: '' })
class BlankPage {}

/** An api that renews R1 and says who the new token belongs to. */
function renewingApi(request: FakeRequest) {
  return request.operationName === 'Me'
    ? { data: { me: fakeUser() } }
    : { data: { refreshSession: fakeTokens('A2', 'R2') } };
}

describe('authGuard and guestGuard', () => {
  function setUp(api: FakeApi): Router {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', canActivate: [guestGuard], component: BlankPage },
          { path: '', canActivateChild: [authGuard], children: [{ path: '**', component: BlankPage }] },
        ]),
        provideTranslocoTesting(),
        provideFakeApi(api),
      ],
    });
    return TestBed.inject(Router);
  }

  beforeEach(() => localStorage.clear());

  it('sends a visitor without a session to /sign-in, remembering where they were going', async () => {
    const router = setUp(new FakeApi(() => new Error('no call expected')));

    await router.navigateByUrl('/projects/42?tab=commitments');

    expect(router.url).toBe('/sign-in?returnUrl=%2Fprojects%2F42%3Ftab%3Dcommitments');
  });

  it('lets a kept session through after restoring it silently', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'R1');
    const router = setUp(new FakeApi(renewingApi));

    await router.navigateByUrl('/projects');

    expect(router.url).toBe('/projects');
  });

  it('sends a signed-in user away from /sign-in to where they were going', async () => {
    localStorage.setItem(REFRESH_TOKEN_KEY, 'R1');
    const router = setUp(new FakeApi(renewingApi));

    await router.navigateByUrl('/sign-in?returnUrl=%2Fabout');

    expect(router.url).toBe('/about');
  });
});
