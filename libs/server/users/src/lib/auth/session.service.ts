import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Actor } from '@convergence/server/core';
import { Repository } from 'typeorm';
import { UserEntity } from '../user.entity';
import { actorOf } from './actor-of';

/**
 * Whether a sign-in still holds, and who it is now: the user loaded from their current row, in one
 * indexed query that requires the account active and the sign-in (refresh-token family) neither
 * revoked nor expired. Every request is authenticated by it (JwtStrategy), and so is every message
 * of a long-lived subscription, so that sign-out and deactivation take effect at once everywhere.
 */
@Injectable()
export class SessionService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** The actor as they are now, or null once the account is deactivated or the sign-in ended. */
  async current(session: { userId: string; sessionId: string }): Promise<Actor | null> {
    const user = await this.users
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organization', 'o')
      .where('u.id = :id AND u.active', { id: session.userId })
      .andWhere(
        `EXISTS (SELECT 1 FROM refresh_token r
                 WHERE r.family_id = :sid AND r.user_id = u.id AND r.revoked_at IS NULL AND r.expires_at > now())`,
        { sid: session.sessionId },
      )
      .getOne();
    return user ? actorOf(user, session.sessionId) : null;
  }
}
