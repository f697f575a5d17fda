import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageArgs, Trimmed } from '@convergence/server/core';
import { SubjectTypeEnum } from '@convergence/server/audit';
import { SUBJECT_TYPES, type SubjectType } from '@convergence/shared/domain';

/** The length of the `comment.body` column. */
export const MAX_COMMENT_LENGTH = 5000;
/** More names than this in one comment is a mailing, not a mention. */
export const MAX_MENTIONS = 20;

/** The longest name fragment a mention search takes (a display name holds at most 120 characters). */
export const MAX_MENTION_SEARCH_LENGTH = 60;
/** How many people the mention autocomplete offers at once: by default, and at most. */
export const DEFAULT_MENTION_CANDIDATES = 8;
export const MAX_MENTION_CANDIDATES = 20;

/** A comment's text, trimmed: 1 to 5 000 characters. */
const IsCommentBody = () =>
  applyDecorators(
    Trimmed(),
    IsString(),
    IsNotEmpty(),
    MaxLength(MAX_COMMENT_LENGTH, { context: { max: MAX_COMMENT_LENGTH } }),
  );

@ArgsType()
export class CommentsArgs extends PageArgs {
  @Field(() => SubjectTypeEnum)
  @IsIn(SUBJECT_TYPES)
  subjectType!: SubjectType;

  @Field(() => ID)
  @IsUUID('all')
  subjectId!: string;
}

@InputType()
export class AddCommentInput {
  @Field(() => SubjectTypeEnum)
  @IsIn(SUBJECT_TYPES)
  subjectType!: SubjectType;

  @Field(() => ID)
  @IsUUID('all')
  subjectId!: string;

  @Field({ description: `1 to ${MAX_COMMENT_LENGTH} characters, blanks around it removed.` })
  @IsCommentBody()
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The comment this one replies to: a comment of the same subject that is not a reply.',
  })
  @IsOptional()
  @IsUUID('all')
  parentId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: `Users mentioned (at most ${MAX_MENTIONS}); each must be able to read the subject.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MENTIONS, { context: { max: MAX_MENTIONS } })
  @IsUUID('all', { each: true })
  mentions?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'A formal question to the organisations responsible for the subject, to answer within 7 days. ' +
      'Only on a comment that is not a reply, on a subject that has a responsible organisation.',
  })
  @IsOptional()
  @IsBoolean()
  isQuestion?: boolean | null;
}

@ArgsType()
export class CommentIdArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version you read: CONFLICT when the comment changed since. Without it, the change applies ' +
      'to the comment as it is now.',
  })
  @IsOptional()
  @IsInt()
  @Min(1, { context: { min: 1 } })
  version?: number | null;
}

@ArgsType()
export class EditCommentArgs extends CommentIdArgs {
  @Field({ description: `The new text: 1 to ${MAX_COMMENT_LENGTH} characters, blanks around it removed.` })
  @IsCommentBody()
  body!: string;
}

@ArgsType()
export class MentionCandidatesArgs {
  @Field(() => SubjectTypeEnum)
  @IsIn(SUBJECT_TYPES)
  subjectType!: SubjectType;

  @Field(() => ID)
  @IsUUID('all')
  subjectId!: string;

  @Field({
    description: `Letters of the name, as typed after "@": 1 to ${MAX_MENTION_SEARCH_LENGTH} characters, any case, any accents.`,
  })
  @Trimmed()
  @IsString()
  @MinLength(1, { context: { min: 1 } })
  @MaxLength(MAX_MENTION_SEARCH_LENGTH, { context: { max: MAX_MENTION_SEARCH_LENGTH } })
  search!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_MENTION_CANDIDATES,
    description: `How many people at most, 1 to ${MAX_MENTION_CANDIDATES}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(MAX_MENTION_CANDIDATES, { context: { max: MAX_MENTION_CANDIDATES } })
  first?: number | null;
}
