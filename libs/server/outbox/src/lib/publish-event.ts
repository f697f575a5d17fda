import type { NotificationType, SubjectType } from '@convergence/shared/domain';
import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export interface DomainEvent {
  type: NotificationType;
  subjectType: SubjectType;
  subjectId: string;
  actorUserId: string | null;
  payload?: Record<string, unknown>;
  dedupeKey?: string;
}

/**
 * Records an event with `manager`, which must be the transaction of the change: the change and its
 * event commit or roll back together. With a `dedupeKey` already recorded, nothing is written and
 * `false` is returned.
 */
export async function publishEvent(manager: EntityManager, event: DomainEvent): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxEventEntity)
    .values({
      type: event.type,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      actorUserId: event.actorUserId,
      payload: (event.payload ?? {}) as never,
      dedupeKey: event.dedupeKey ?? null,
    })
    .orIgnore()
    .execute();
  // PostgreSQL returns the inserted id, or no row when ON CONFLICT DO NOTHING skipped it.
  return (result.raw as unknown[]).length > 0;
}
