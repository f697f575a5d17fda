import { DestroyRef, DOCUMENT, inject, Injectable } from '@angular/core';
import { Router } from '@angular/router';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../graphql/api-error';
import { SKIP_SESSION_RECOVERY } from '../graphql/auth-link';
import {
  LoginDocument,
  LogoutDocument,
  MeDocument,
  RefreshSessionDocument,
  type SessionTokensFragment,
} from '../graphql/generated';
import { GraphqlSocket } from '../graphql/graphql-socket';
import { LanguageService } from '../i18n/language.service';
import { REFRESH_TOKEN_KEY, SessionStore, type SessionUser } from './session.store';

/** How long before the access token expires the session is renewed silently. */
export const REFRESH_AHEAD_MS = 60_000;
/** When the api cannot be reached for a renewal, try again after this long. */
export const REFRESH_RETRY_MS = 30_000;
const MIN_REFRESH_DELAY_MS = 1_000;
const MAX_TIMER_DELAY_MS = 2_147_483_647;
/** Web Locks name: tabs of one browser renew one after the other, never with the same token. */
const REFRESH_LOCK = 'cv.session-refresh';

/**
 * Signs in and out, restores the session on start, and keeps it alive.
 *
 * The access token lives in memory only; the refresh token in localStorage. Every renewal returns a
 * new refresh token and the server revokes the session when an old one is reused, so renewals are
 * single-flight within a tab (concurrent callers share one refreshSession call) and serialised
 * across tabs (Web Locks), each reading the newest stored token.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(SessionStore);
  private readonly language = inject(LanguageService);
  private readonly socket = inject(GraphqlSocket);
  private readonly router = inject(Router);
  private readonly window = inject(DOCUMENT).defaultView;

  readonly user = this.session.user;
  readonly isAuthenticated = this.session.isAuthenticated;

  private refreshing: Promise<boolean> | null = null;
  private restoring: Promise<void> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    // Signing out in another tab removes the shared refresh token: follow it here.
    const onStorage = (event: StorageEvent): void => {
      const removed = event.key === null || (event.key === REFRESH_TOKEN_KEY && event.newValue === null);
      if (removed && this.session.isAuthenticated() && !this.session.refreshToken()) this.expire();
    };
    this.window?.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('storage', onStorage);
      this.cancelScheduledRefresh();
    });
  }

  /** Rejects with the api's error (see toApiError) when the credentials are refused. */
  async signIn(email: string, password: string): Promise<SessionUser> {
    const { login } = await this.mutate(LoginDocument, { email, password }, { recover: false });
    try {
      return await this.establish(login);
    } catch (error) {
      this.end();
      throw error;
    }
  }

  /** On start: renews the session silently when a refresh token was kept. Never rejects. */
  restore(): Promise<void> {
    this.restoring ??= this.session.refreshToken() ? this.refresh().then(() => undefined) : Promise.resolve();
    return this.restoring;
  }

  /** Renews the session; resolves false when it cannot be renewed. Concurrent calls share one call. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.exclusive(() => this.renew()).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * The api refused `rejectedToken`. When the session already moved on to another token (a renewal
   * finished meanwhile), there is nothing to do; otherwise renew.
   */
  recover(rejectedToken: string | null): Promise<boolean> {
    const current = this.session.accessToken();
    if (current !== null && current !== rejectedToken) return Promise.resolve(true);
    return this.refresh();
  }

  /** Ends the session on the server, then everywhere here, and shows the sign-in page. */
  async signOut(): Promise<void> {
    this.cancelScheduledRefresh();
    if (this.session.isAuthenticated()) {
      try {
        await this.mutate(LogoutDocument, {}, { recover: true });
      } catch {
        // Already ended on the server (expired or revoked): nothing more to revoke.
      }
    }
    this.end({ abortInFlight: true });
    await this.router.navigateByUrl('/sign-in');
  }

  /** The session is gone: forget it and ask to sign in again, coming back here afterwards. */
  expire(): void {
    this.end();
    const current = this.router.url;
    const returnUrl = current.startsWith('/sign-in') ? undefined : current;
    void this.router.navigate(['/sign-in'], { queryParams: returnUrl ? { returnUrl } : {} });
  }

  private async renew(): Promise<boolean> {
    // Read inside the lock: another tab may have just rotated it.
    const refreshToken = this.session.refreshToken();
    if (!refreshToken) {
      this.end();
      return false;
    }
    let tokens: SessionTokensFragment;
    try {
      const data = await this.mutate(RefreshSessionDocument, { refreshToken }, { recover: false });
      tokens = data.refreshSession;
    } catch (error) {
      if (toApiError(error).code === 'NETWORK') {
        // The api is unreachable, the refresh token may still be good: keep it and try again later.
        if (this.session.isAuthenticated()) this.scheduleRefresh(REFRESH_RETRY_MS);
        return false;
      }
      this.end();
      return false;
    }
    try {
      await this.establish(tokens);
      return true;
    } catch (error) {
      // Renewed, but `me` did not answer: carry on with the user already known, if any.
      if (toApiError(error).code === 'NETWORK' && this.session.isAuthenticated()) return true;
      this.end();
      return false;
    }
  }

  /**
   * Keeps the new tokens, then asks the api who they belong to and what they may do (`me`, with the
   * new access token: the api only resolves `permissions` for the caller).
   */
  private async establish(tokens: SessionTokensFragment): Promise<SessionUser> {
    this.session.setTokens(tokens);
    this.scheduleRefresh();
    const result = await firstValueFrom(
      this.apollo.query({
        query: MeDocument,
        fetchPolicy: 'network-only',
        context: { [SKIP_SESSION_RECOVERY]: true },
      }),
    );
    if (!result.data) throw new Error('The api answered without data.');
    const { me } = result.data;
    this.session.setUser(me);
    await this.language.adopt(me.locale);
    return me;
  }

  /**
   * Forgets the session and the cached data. On sign-out, operations still in flight are aborted;
   * when the session expires they are left to fail with their own UNAUTHENTICATED error.
   */
  private end(options: { abortInFlight?: boolean } = {}): void {
    this.cancelScheduledRefresh();
    this.session.clear();
    this.socket.close();
    if (options.abortInFlight) {
      void this.apollo.client.clearStore().catch(() => undefined);
    } else {
      void this.apollo.client.cache.reset();
    }
  }

  private scheduleRefresh(delay?: number): void {
    this.cancelScheduledRefresh();
    const expiresAt = this.session.accessTokenExpiresAt();
    if (expiresAt === null || Number.isNaN(expiresAt)) return;
    const remaining = expiresAt - Date.now();
    const wait = delay ?? Math.max(remaining - REFRESH_AHEAD_MS, remaining / 2, MIN_REFRESH_DELAY_MS);
    this.refreshTimer = setTimeout(
      () => {
        this.refreshTimer = null;
        void this.refresh().then((renewed) => {
          if (!renewed && !this.session.isAuthenticated()) this.expire();
        });
      },
      Math.min(wait, MAX_TIMER_DELAY_MS),
    );
  }

  private cancelScheduledRefresh(): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = this.window?.navigator.locks;
    // lib.dom types request() as Promise<Promise<T>>; at run time it settles with the task's value.
    return locks ? locks.request(REFRESH_LOCK, task).then((settled) => settled) : task();
  }

  private async mutate<TData, TVariables extends OperationVariables>(
    mutation: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: { recover: boolean },
  ): Promise<TData> {
    const result = await firstValueFrom(
      this.apollo.mutate<TData, TVariables>({
        mutation,
        variables,
        fetchPolicy: 'no-cache',
        context: options.recover ? {} : { [SKIP_SESSION_RECOVERY]: true },
      }),
    );
    if (!result.data) throw new Error('The api answered without data.');
    return result.data;
  }
}
