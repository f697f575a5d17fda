import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionOf, registerStringEnum } from '@convergence/server/core';
import type { SubjectType } from '@convergence/shared/domain';
import { GraphQLJSON } from 'graphql-scalars';
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditChanges,
  type AuditEventEntity,
} from './audit-event.entity';
import { SubjectTypeEnum } from './subject-type.enum';

export const AuditActionEnum = registerStringEnum(AUDIT_ACTIONS, 'AuditAction');

@ObjectType('AuditEvent', { description: 'One change by someone: who, when, what, before and after.' })
export class AuditEventModel {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field(() => AuditActionEnum)
  action!: AuditAction;

  @Field({ description: 'The operation that made the change, such as reportProjectProgress.' })
  operation!: string;

  @Field(() => SubjectTypeEnum)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => GraphQLJSON, {
    description: 'Field → [before, after]; dates as ISO strings, amounts as decimal strings.',
  })
  changes!: AuditChanges;

  /** Resolved by the `actor` field; null for the platform itself. */
  actorUserId!: string | null;
}

export const AuditEventConnection = ConnectionOf(AuditEventModel, 'AuditEvent');

export function toAuditEventModel(entity: AuditEventEntity): AuditEventModel {
  return {
    id: entity.id,
    at: entity.at,
    action: entity.action,
    operation: entity.operation,
    subjectType: entity.subjectType,
    subjectId: entity.subjectId,
    changes: entity.changes,
    actorUserId: entity.actorUserId,
  };
}
