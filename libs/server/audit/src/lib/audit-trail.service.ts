import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { paginate, type Connection, type SortKey } from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { Repository } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import type { AuditTrailArgs } from './inputs/audit-trail.args';
import { SubjectRegistry } from './subject-registry';

/**
 * Newest first. PostgreSQL keeps microseconds but a cursor carries a JavaScript date (milliseconds),
 * so the key is the time cut to the millisecond: otherwise an event in the same millisecond as a
 * page's last one, but a few microseconds earlier, would fall between two pages. Events of one
 * transaction share their time and are ordered by id.
 */
const NEWEST_FIRST: SortKey<AuditEventEntity> = {
  expression: "date_trunc('milliseconds', event.at)",
  direction: 'DESC',
  valueOf: (event) => event.at,
};

@Injectable()
export class AuditTrailService {
  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    private readonly subjects: SubjectRegistry,
  ) {}

  /** A subject's events, for whoever may read the subject; NOT_FOUND otherwise, as if it did not exist. */
  async trail(
    ability: AppAbility,
    { subjectType, subjectId, ...page }: AuditTrailArgs,
  ): Promise<Connection<AuditEventEntity>> {
    await this.subjects.assertReadable(ability, subjectType, subjectId);
    const query = this.events
      .createQueryBuilder('event')
      .where('event.subject_type = :subjectType AND event.subject_id = :subjectId', {
        subjectType,
        subjectId,
      });
    return paginate(query, page, NEWEST_FIRST);
  }
}
