import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';
import { SubjectTypeEnum } from '@convergence/server/audit';
import { SUBJECT_TYPES, type SubjectType } from '@convergence/shared/domain';

/** The subject a follow is about. */
@ArgsType()
export class FollowArgs {
  @Field(() => SubjectTypeEnum)
  @IsIn(SUBJECT_TYPES)
  subjectType!: SubjectType;

  @Field(() => ID)
  @IsUUID('all')
  subjectId!: string;
}
