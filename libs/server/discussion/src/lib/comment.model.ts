import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf } from '@convergence/server/core';
import { SubjectTypeEnum } from '@convergence/server/audit';
import type { SubjectType } from '@convergence/shared/domain';
import type { CommentEntity } from './comment.entity';

@ObjectType('Comment', {
  description: 'A comment on a subject, or a reply to one. A deleted comment keeps its place in the thread.',
})
export class CommentModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Empty once deleted.' })
  body!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When its text was last changed; null if never.' })
  editedAt!: Date | null;

  @Field({ description: 'Deleted by its author or a moderator: the text is gone, the replies stay.' })
  deleted!: boolean;

  @Field(() => SubjectTypeEnum)
  subjectType!: SubjectType;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => ID, { nullable: true, description: 'The comment this one replies to.' })
  parentId!: string | null;

  @Field({ description: 'A formal question to the organisations responsible for the subject.' })
  isQuestion!: boolean;

  @Field(() => Date, { nullable: true, description: 'When a formal question should be answered by.' })
  questionDueAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When someone of a responsible organisation first replied to the formal question.',
  })
  answeredAt!: Date | null;

  @Field(() => Int)
  version!: number;

  /** Resolved by the `author` field. */
  authorUserId!: string;
  /** Resolved by the `mentions` field; none once deleted, as the text that named them is gone. */
  mentionUserIds!: string[];
}

export const CommentConnection = ConnectionOf(CommentModel, 'Comment');

export function toCommentModel(entity: CommentEntity): CommentModel {
  const deleted = entity.deletedAt !== null;
  return {
    id: entity.id,
    body: deleted ? '' : entity.body,
    createdAt: entity.createdAt,
    editedAt: entity.editedAt,
    deleted,
    subjectType: entity.subjectType,
    subjectId: entity.subjectId,
    parentId: entity.parentId,
    isQuestion: entity.isQuestion,
    questionDueAt: entity.questionDueAt,
    answeredAt: entity.answeredAt,
    version: entity.version,
    authorUserId: entity.authorUserId,
    mentionUserIds: deleted ? [] : entity.mentionUserIds,
  };
}
