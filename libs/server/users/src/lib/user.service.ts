import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFoundError, type Actor } from '@convergence/server/core';
import type { Locale } from '@convergence/shared/domain';
import { In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

@Injectable()
export class UserService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async me(actor: Actor): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id: actor.userId });
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** The language of the interface and of e-mails. */
  async setLocale(actor: Actor, locale: Locale): Promise<UserEntity> {
    await this.users.update({ id: actor.userId }, { locale });
    return this.me(actor);
  }

  /** For DataLoaders: users by id, without a permission check (the caller already has the row that names them). */
  findByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.users.findBy({ id: In([...ids]) });
  }
}
