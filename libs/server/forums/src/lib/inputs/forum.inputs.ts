import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';

/** Limits of the forum columns (forum.entity.ts) and of what a page can show. */
export const MAX_RESOLUTIONS = 50;
export const MAX_RESOLUTION_LENGTH = 1000;
export const MAX_PARTICIPANTS = 200;

/** Checks run bottom-up: a missing value reads "required" rather than "too long". */
@InputType()
export class CreateForumInput {
  @Field()
  @MaxLength(200, { context: { max: 200 } })
  @IsNotEmpty()
  title!: string;

  @Field()
  @MaxLength(500, { context: { max: 500 } })
  @IsNotEmpty()
  theme!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD); a date after today makes it a scheduled forum.' })
  @IsCalendarDate()
  heldOn!: string;

  @Field()
  @MaxLength(200, { context: { max: 200 } })
  @IsNotEmpty()
  place!: string;

  @Field(() => String, { nullable: true, description: 'The region it is held for; null: national.' })
  @IsOptional()
  @IsTerritoryCode()
  regionCode?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTICIPANTS, { context: { max: MAX_PARTICIPANTS } })
  @IsUUID('all', { each: true })
  participantOrganizationIds?: string[];

  @Field(() => [String], { nullable: true, description: `At most ${MAX_RESOLUTIONS}, in order.` })
  @IsOptional()
  @ArrayMaxSize(MAX_RESOLUTIONS, { context: { max: MAX_RESOLUTIONS } })
  @IsNotEmpty({ each: true })
  @MaxLength(MAX_RESOLUTION_LENGTH, { each: true, context: { max: MAX_RESOLUTION_LENGTH } })
  resolutions?: string[];
}

/**
 * Only the fields given change. The region is fixed at creation: the commitments announced at the
 * forum without a project or convention copy it as their scope (`regionCode`, which decides who reads
 * them), so moving it would move them too, behind their own version and audit trail.
 */
@InputType()
export class UpdateForumInput extends PartialType(OmitType(CreateForumInput, ['regionCode'] as const), {
  skipNullProperties: false,
}) {}

@ArgsType()
export class UpdateForumArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  version!: number;

  @Field(() => UpdateForumInput)
  @ValidateNested()
  @Type(() => UpdateForumInput)
  input!: UpdateForumInput;
}
