import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import {
  APP_CONFIG,
  RateLimitedError,
  UnauthenticatedError,
  type Actor,
  type AppConfig,
} from '@convergence/server/core';
import { DataSource, IsNull, LessThan, MoreThan, type EntityManager } from 'typeorm';
import { UserEntity } from '../user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SignInFailureEntity } from './sign-in-failure.entity';
import { LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MS, lockedUntil } from './sign-in-lockout';
import { actorOf } from './actor-of';
import { hashPassword, verifyPassword } from './passwords';
import { hashRefreshToken, newRefreshToken, type AccessTokenClaims } from './tokens';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: UserEntity;
  /** Who the rest of the request acts as (e.g. to resolve `user { permissions }` in the payload). */
  actor: Actor;
}

/**
 * A hash to verify against when the e-mail is unknown, so that an unknown address takes as long to
 * refuse as a wrong password. Computed on first need, not at start-up.
 */
let unknownUserHash: Promise<string> | undefined;
function verifyAgainstUnknownUser(password: string): Promise<boolean> {
  unknownUserHash ??= hashPassword('convergence-unknown-user');
  return unknownUserHash.then((hash) => verifyPassword(hash, password));
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Same answer for an unknown address and a wrong password; 10 failures in 15 minutes lock the
   * address. Attempts on one address are serialised by an advisory lock, so parallel guesses cannot
   * all slip under the threshold before their failures are recorded.
   */
  async login(email: string, password: string): Promise<Session> {
    const address = email.trim().toLowerCase();
    const outcome = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sign-in:${address}`]);
      const failures = manager.getRepository(SignInFailureEntity);
      const recent = await failures.find({
        where: { email: address, at: MoreThan(new Date(Date.now() - 2 * LOCKOUT_WINDOW_MS)) },
        order: { at: 'DESC' },
        take: LOCKOUT_THRESHOLD,
      });
      const until = lockedUntil(
        recent.map((failure) => failure.at),
        new Date(),
      );
      if (until) return { lockedUntil: until };

      const user = await manager.getRepository(UserEntity).findOne({
        where: { email: address, active: true },
        relations: { organization: true },
      });
      const valid = user
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstUnknownUser(password);
      if (!user || !valid) {
        await failures.insert({ email: address });
        // Failures older than the look-back window no longer count: keep the table small.
        await failures.delete({ at: LessThan(new Date(Date.now() - 2 * LOCKOUT_WINDOW_MS)) });
        return { refused: true };
      }
      await failures.delete({ email: address });
      const sessionEnd = new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
      return { session: await this.issue(manager, user, randomUUID(), sessionEnd) };
    });
    if ('session' in outcome && outcome.session) return outcome.session;
    if ('lockedUntil' in outcome && outcome.lockedUntil) {
      const minutes = Math.ceil((outcome.lockedUntil.getTime() - Date.now()) / 60_000);
      throw new RateLimitedError('error.signInLocked', { minutes });
    }
    // The failure is committed before the caller learns of the refusal.
    throw new UnauthenticatedError('error.invalidCredentials');
  }

  /**
   * Exchanges a refresh token for a new pair. A token is good once: presenting it again (a copy in
   * someone else's hands, or a replay) revokes every token of that sign-in.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(RefreshTokenEntity);
      const token = await tokens.findOne({
        where: { tokenHash: hashRefreshToken(refreshToken) },
        relations: { user: { organization: true } },
      });
      if (!token || token.revokedAt || token.expiresAt <= new Date() || !token.user?.active)
        return { revoke: null };
      // Conditional update: of two concurrent uses of the same token, exactly one wins.
      const claimed = await tokens.update(
        { id: token.id, usedAt: IsNull(), revokedAt: IsNull() },
        { usedAt: new Date() },
      );
      if (claimed.affected !== 1) return { revoke: token.familyId };
      // A sign-in lasts REFRESH_TOKEN_TTL_DAYS from the sign-in itself: rotation never extends it.
      return { session: await this.issue(manager, token.user, token.familyId, token.expiresAt) };
    });
    if ('session' in outcome && outcome.session) return outcome.session;
    // The revocation is committed on its own, before the caller learns of the refusal.
    if (outcome.revoke) await this.revokeFamily(outcome.revoke);
    throw new UnauthenticatedError('error.sessionExpired');
  }

  async logout(actor: Actor): Promise<void> {
    await this.revokeFamily(actor.sessionId);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource
      .getRepository(RefreshTokenEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(
    manager: EntityManager,
    user: UserEntity,
    familyId: string,
    expiresAt: Date,
  ): Promise<Session> {
    const refreshToken = newRefreshToken();
    await manager.getRepository(RefreshTokenEntity).insert({
      familyId,
      userId: user.id,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt,
    });
    const claims: AccessTokenClaims = { sub: user.id, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    return {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + this.config.accessTokenTtlSeconds * 1000),
      refreshToken,
      user,
      actor: actorOf(user, familyId),
    };
  }
}
