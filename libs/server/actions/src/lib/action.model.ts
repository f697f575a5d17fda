import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf, ReasonCodeEnum, registerStringEnum } from '@convergence/server/core';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  type ActionPriority,
  type ActionStatus,
  type ReasonCode,
} from '@convergence/shared/domain';
import type { ActionEntity } from './action.entity';

export const ActionStatusEnum = registerStringEnum(ACTION_STATUSES, 'ActionStatus');
export const ActionPriorityEnum = registerStringEnum(ACTION_PRIORITIES, 'ActionPriority');

@ObjectType('Action', { description: 'A follow-up item: who must do what, where, by when.' })
export class ActionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ActionStatusEnum)
  status!: ActionStatus;

  @Field({ description: 'Due date passed (in Morocco) and neither done nor cancelled.' })
  overdue!: boolean;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  dueDate!: string;

  @Field(() => ActionPriorityEnum)
  priority!: ActionPriority;

  @Field(() => ReasonCodeEnum, { nullable: true, description: 'Why it is blocked or was cancelled.' })
  statusReasonCode!: ReasonCode | null;

  @Field(() => String, { nullable: true, description: 'The note of the last status change.' })
  statusNote!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD) it was done.' })
  doneOn!: string | null;

  @Field()
  updatedAt!: Date;

  /** Sent back with an update, so that a stale edit fails with CONFLICT instead of overwriting. */
  @Field(() => Int)
  version!: number;

  /** Resolved by field resolvers through DataLoaders. */
  responsibleOrganizationId!: string;
  contributorOrganizationIds!: string[];
  territoryCode!: string;
  forumId!: string | null;
  projectId!: string | null;
}

export const ActionConnection = ConnectionOf(ActionModel, 'Action');

/** What a client may see of a row: the scope columns and the creator stay on the server. */
export function toActionModel(entity: ActionEntity): ActionModel {
  return {
    id: entity.id,
    title: entity.title,
    description: entity.description,
    status: entity.status,
    overdue: entity.overdue,
    dueDate: entity.dueDate,
    priority: entity.priority,
    statusReasonCode: entity.statusReasonCode,
    statusNote: entity.statusNote,
    doneOn: entity.doneOn,
    updatedAt: entity.updatedAt,
    version: entity.version,
    responsibleOrganizationId: entity.responsibleOrganizationId,
    contributorOrganizationIds: entity.contributorOrganizationIds,
    territoryCode: entity.territoryCode,
    forumId: entity.forumId,
    projectId: entity.projectId,
  };
}
