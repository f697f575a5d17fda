import { Field, ID, ObjectType } from '@nestjs/graphql';
import { SubjectTypeEnum } from '@convergence/server/audit';
import { ConnectionOf } from '@convergence/server/core';
import type { NotificationType, SubjectType } from '@convergence/shared/domain';
import type { NotificationEntity } from '../notification.entity';
import { NotificationTypeEnum } from './notification-enums';

@ObjectType('Notification', {
  description: 'Something that happened on a subject you follow or that concerns you, in your language.',
})
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationTypeEnum)
  type!: NotificationType;

  @Field(() => Date, { nullable: true, description: 'Null while unread.' })
  readAt!: Date | null;

  @Field()
  createdAt!: Date;

  @Field(() => SubjectTypeEnum)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  /** The event's payload, from which `title`, `body` and `subjectTitle` are worded. */
  payload!: Record<string, unknown>;
}

export const NotificationConnection = ConnectionOf(NotificationModel, 'Notification');

export function toNotificationModel(entity: NotificationEntity): NotificationModel {
  return {
    id: entity.id,
    type: entity.type,
    readAt: entity.readAt,
    createdAt: entity.createdAt,
    subjectType: entity.subjectType,
    subjectId: entity.subjectId,
    payload: entity.payload,
  };
}
