import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type Actor, type AppConfig } from '@convergence/server/core';
import { SessionService } from './session.service';
import type { AccessTokenClaims } from './tokens';

/**
 * Verifies the bearer token (signature, expiry), then loads the actor it names through
 * SessionService (active user, sign-in not revoked): sign-out and deactivation take effect at once,
 * not when the 15-minute token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    return (await this.sessions.current({ userId: claims.sub, sessionId: claims.sid })) ?? false;
  }
}
