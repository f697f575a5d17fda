import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsIn, IsUUID } from 'class-validator';
import { PageArgs } from '@convergence/server/core';
import { SUBJECT_TYPES, type SubjectType } from '@convergence/shared/domain';
import { SubjectTypeEnum } from '../subject-type.enum';

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => SubjectTypeEnum)
  @IsIn(SUBJECT_TYPES)
  subjectType!: SubjectType;

  @Field(() => ID)
  @IsUUID('all')
  subjectId!: string;
}
