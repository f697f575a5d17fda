import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { accessibleBy } from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { Repository } from 'typeorm';
import { CommitmentEntity } from './commitment.entity';

@Injectable()
export class CommitmentService {
  constructor(
    @InjectRepository(CommitmentEntity) private readonly commitments: Repository<CommitmentEntity>,
  ) {}

  /** The commitments the reader may read, filtered in SQL by the reader's own permission rules. */
  list(ability: AppAbility): Promise<CommitmentEntity[]> {
    const query = this.commitments.createQueryBuilder('commitment').orderBy('commitment.due_date');
    accessibleBy(query, ability, 'read', 'Commitment');
    return query.getMany();
  }
}
