import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate, IsOptionalNotNull, ReasonCodeEnum } from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  REASON_CODES,
  type ActionPriority,
  type ActionStatus,
  type ReasonCode,
} from '@convergence/shared/domain';
import { ActionPriorityEnum, ActionStatusEnum } from '../action.model';

/** Limits of the action columns (action.entity.ts). */
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;
const MAX_NOTE = 2000;
const MAX_CONTRIBUTORS = 50;

/** The `id` and `version` every write on an existing action names. */
@InputType({ isAbstract: true })
abstract class VersionedActionInput {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  version!: number;
}

@InputType()
export class CreateActionInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(MAX_TITLE, { context: { max: MAX_TITLE } })
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION, { context: { max: MAX_DESCRIPTION } })
  description?: string;

  @Field(() => ID)
  @IsUUID('all')
  responsibleOrganizationId!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_CONTRIBUTORS, { context: { max: MAX_CONTRIBUTORS } })
  @IsUUID('all', { each: true })
  contributorOrganizationIds?: string[];

  @Field({ description: 'Where it happens: a region, prefecture/province or commune.' })
  @IsTerritoryCode()
  territoryCode!: string;

  @Field(() => ID, { nullable: true, description: 'The forum where it was decided.' })
  @IsOptional()
  @IsUUID('all')
  forumId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @Field({ description: 'ISO date (YYYY-MM-DD), today or later.' })
  @IsCalendarDate()
  dueDate!: string;

  @Field(() => ActionPriorityEnum)
  @IsIn(ACTION_PRIORITIES)
  priority!: ActionPriority;
}

@InputType()
export class UpdateActionStatusInput extends VersionedActionInput {
  @Field(() => ActionStatusEnum)
  @IsIn(ACTION_STATUSES)
  status!: ActionStatus;

  @Field({ description: 'What happened; kept as the note of this status.' })
  @IsNotEmpty()
  @MaxLength(MAX_NOTE, { context: { max: MAX_NOTE } })
  note!: string;

  @Field(() => ReasonCodeEnum, { nullable: true, description: 'Required for BLOCKED and CANCELLED.' })
  @IsOptional()
  @IsIn(REASON_CODES)
  reasonCode?: ReasonCode | null;
}

/**
 * What the ministry may change of an action; only the fields given change, and none becomes null.
 * Checks run bottom-up: a null title reads "required" rather than "too long".
 */
@InputType()
export class UpdateActionInput extends VersionedActionInput {
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @MaxLength(MAX_TITLE, { context: { max: MAX_TITLE } })
  @IsNotEmpty()
  title?: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @MaxLength(MAX_DESCRIPTION, { context: { max: MAX_DESCRIPTION } })
  @IsString()
  description?: string;

  @Field({
    nullable: true,
    description: 'ISO date (YYYY-MM-DD), today or later; moving it needs reasonCode.',
  })
  @IsOptionalNotNull()
  @IsCalendarDate()
  dueDate?: string;

  @Field(() => ActionPriorityEnum, { nullable: true })
  @IsOptionalNotNull()
  @IsIn(ACTION_PRIORITIES)
  priority?: ActionPriority;

  @Field(() => [ID], { nullable: true })
  @IsOptionalNotNull()
  @ArrayMaxSize(MAX_CONTRIBUTORS, { context: { max: MAX_CONTRIBUTORS } })
  @IsUUID('all', { each: true })
  @IsArray()
  contributorOrganizationIds?: string[];

  @Field(() => ReasonCodeEnum, { nullable: true, description: 'Why the due date moves.' })
  @IsOptional()
  @IsIn(REASON_CODES)
  reasonCode?: ReasonCode | null;
}
