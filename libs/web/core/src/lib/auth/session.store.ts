import { computed, inject, Injectable, signal } from '@angular/core';
import { BrowserStorage } from '../browser/browser-storage';
import type { SessionTokensFragment, SessionUserFragment } from '../graphql/generated';

/** The signed-in user as the api describes them (see session.graphql). */
export type SessionUser = SessionUserFragment;

/** Where the refresh token survives a reload. The access token never leaves memory. */
export const REFRESH_TOKEN_KEY = 'cv.refreshToken';

interface SessionState {
  readonly accessToken: string;
  /** Epoch milliseconds; NaN when the api sent an unreadable date. */
  readonly accessTokenExpiresAt: number;
  /** null between receiving tokens and learning who they belong to (`me`). */
  readonly user: SessionUser | null;
}

/**
 * The session's state and nothing else: no network, so that the GraphQL client can read the token
 * without depending on the service that obtains it.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly storage = inject(BrowserStorage);
  private readonly state = signal<SessionState | null>(null);

  readonly user = computed(() => this.state()?.user ?? null);
  readonly accessToken = computed(() => this.state()?.accessToken ?? null);
  readonly accessTokenExpiresAt = computed(() => this.state()?.accessTokenExpiresAt ?? null);
  readonly isAuthenticated = computed(() => this.user() !== null);

  /**
   * New tokens from login or refreshSession. The refresh token is stored first thing: the one it
   * replaces is already spent on the server, so losing this one would lose the session.
   */
  setTokens(tokens: SessionTokensFragment): void {
    this.storage.set(REFRESH_TOKEN_KEY, tokens.refreshToken);
    this.state.update((current) => ({
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: Date.parse(tokens.accessTokenExpiresAt),
      user: current?.user ?? null,
    }));
  }

  /** Who the tokens belong to; ignored when there are no tokens (signed out meanwhile). */
  setUser(user: SessionUser): void {
    this.state.update((current) => (current ? { ...current, user } : current));
  }

  /** Tokens and user at once. */
  begin(tokens: SessionTokensFragment, user: SessionUser): void {
    this.setTokens(tokens);
    this.setUser(user);
  }

  /** Read from storage every time: another tab may have rotated it since. */
  refreshToken(): string | null {
    return this.storage.get(REFRESH_TOKEN_KEY);
  }

  /** Forgets the session, the stored refresh token included. */
  clear(): void {
    this.storage.remove(REFRESH_TOKEN_KEY);
    this.state.set(null);
  }
}
