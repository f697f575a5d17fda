import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { accessibleBy } from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { Repository } from 'typeorm';
import { ActionEntity } from './action.entity';

@Injectable()
export class ActionService {
  constructor(@InjectRepository(ActionEntity) private readonly actions: Repository<ActionEntity>) {}

  /** The actions the reader may read, filtered in SQL by the reader's own permission rules. */
  list(ability: AppAbility): Promise<ActionEntity[]> {
    const query = this.actions.createQueryBuilder('action').orderBy('action.due_date');
    accessibleBy(query, ability, 'read', 'Action');
    return query.getMany();
  }
}
