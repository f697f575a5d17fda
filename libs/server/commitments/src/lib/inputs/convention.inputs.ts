import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOptionalNotNull } from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';

/** What one convention may name; beyond that it is several conventions. */
export const MAX_CONVENTION_PARTIES = 50;
export const MAX_CONVENTION_PROJECTS = 100;

@InputType()
export class CreateConventionInput {
  @Field({ description: 'Unique, such as CONV-CS-2018-01.' })
  @MaxLength(40, { context: { max: 40 } })
  @IsNotEmpty()
  code!: string;

  @Field()
  @MaxLength(200, { context: { max: 200 } })
  @IsNotEmpty()
  title!: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @MaxLength(5000, { context: { max: 5000 } })
  @IsString()
  description?: string;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The region it applies to; null: national.' })
  @IsOptional()
  @IsTerritoryCode()
  regionCode?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The signatories.' })
  @IsOptionalNotNull()
  @ArrayMaxSize(MAX_CONVENTION_PARTIES, { context: { max: MAX_CONVENTION_PARTIES } })
  @IsUUID('all', { each: true })
  @IsArray()
  partyOrganizationIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'The projects it funds; each one you may read.' })
  @IsOptionalNotNull()
  @ArrayMaxSize(MAX_CONVENTION_PROJECTS, { context: { max: MAX_CONVENTION_PROJECTS } })
  @IsUUID('all', { each: true })
  @IsArray()
  projectIds?: string[];

  @Field(() => ID, { nullable: true, description: 'The forum where it was announced or signed.' })
  @IsOptional()
  @IsUUID('all')
  forumId?: string | null;
}

/**
 * Only the fields given change; `forumId: null` unlinks the forum. The region is fixed at creation:
 * the commitments without a project copy it as their scope (`regionCode`, which decides who reads
 * them), so moving it would move them too, behind their own version and audit trail.
 */
@InputType()
export class UpdateConventionInput extends PartialType(
  OmitType(CreateConventionInput, ['regionCode'] as const),
  {
    skipNullProperties: false,
  },
) {}

@ArgsType()
export class UpdateConventionArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  version!: number;

  @Field(() => UpdateConventionInput)
  @ValidateNested()
  @Type(() => UpdateConventionInput)
  input!: UpdateConventionInput;
}
