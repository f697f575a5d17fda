import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { accessibleBy } from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { Repository } from 'typeorm';
import { ForumEntity } from './forum.entity';

@Injectable()
export class ForumService {
  constructor(@InjectRepository(ForumEntity) private readonly forums: Repository<ForumEntity>) {}

  /** The forums the reader may read, filtered in SQL by the reader's own permission rules. */
  list(ability: AppAbility): Promise<ForumEntity[]> {
    const query = this.forums.createQueryBuilder('forum').orderBy('forum.held_on', 'DESC');
    accessibleBy(query, ability, 'read', 'Forum');
    return query.getMany();
  }
}
