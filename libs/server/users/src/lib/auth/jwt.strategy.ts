import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { InjectRepository } from '@nestjs/typeorm';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type Actor, type AppConfig } from '@convergence/server/core';
import { Repository } from 'typeorm';
import { UserEntity } from '../user.entity';
import { actorOf } from './actor-of';
import type { AccessTokenClaims } from './tokens';

/**
 * Verifies the bearer token (signature, expiry) and loads the actor it names, in one query that also
 * requires the user to be active and the sign-in not revoked: sign-out and deactivation take effect
 * at once, not when the 15-minute token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor | false> {
    const user = await this.users
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organization', 'o')
      .where('u.id = :id AND u.active', { id: claims.sub })
      .andWhere(
        `EXISTS (SELECT 1 FROM refresh_token r
                 WHERE r.family_id = :sid AND r.user_id = u.id AND r.revoked_at IS NULL AND r.expires_at > now())`,
        { sid: claims.sid },
      )
      .getOne();
    return user ? actorOf(user, claims.sid) : false;
  }
}
