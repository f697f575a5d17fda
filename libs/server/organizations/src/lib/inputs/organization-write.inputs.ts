import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOptionalNotNull, Trimmed } from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@convergence/shared/domain';
import { OrganizationKindEnum } from '../organization.model';

/** Limits of the organization columns (organization.entity.ts). */
export const MAX_ORGANIZATION_NAME_LENGTH = 200;
export const MAX_ACRONYM_LENGTH = 40;

/** An acronym left blank is no acronym. */
const blankAsNull = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

/** Checks run bottom-up: a missing value reads "required" rather than "too long". */
@InputType()
export class CreateOrganizationInput {
  @Field()
  @Trimmed()
  @MaxLength(MAX_ORGANIZATION_NAME_LENGTH, { context: { max: MAX_ORGANIZATION_NAME_LENGTH } })
  @IsNotEmpty()
  name!: string;

  @Field(() => String, { nullable: true })
  @blankAsNull()
  @IsOptional()
  @MaxLength(MAX_ACRONYM_LENGTH, { context: { max: MAX_ACRONYM_LENGTH } })
  acronym?: string | null;

  @Field(() => OrganizationKindEnum)
  @IsIn(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  @Field(() => String, {
    nullable: true,
    description: 'HCP code of its territory of competence; null: national. Sets what its users may see.',
  })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string | null;
}

/** Only the fields given change; null clears the acronym, or makes the competence national. */
@InputType()
export class UpdateOrganizationInput {
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @Trimmed()
  @MaxLength(MAX_ORGANIZATION_NAME_LENGTH, { context: { max: MAX_ORGANIZATION_NAME_LENGTH } })
  @IsNotEmpty()
  name?: string;

  @Field(() => String, { nullable: true })
  @blankAsNull()
  @IsOptional()
  @MaxLength(MAX_ACRONYM_LENGTH, { context: { max: MAX_ACRONYM_LENGTH } })
  acronym?: string | null;

  @Field(() => OrganizationKindEnum, { nullable: true })
  @IsOptionalNotNull()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string | null;
}

@ArgsType()
export class UpdateOrganizationArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  version!: number;

  @Field(() => UpdateOrganizationInput)
  @ValidateNested()
  @Type(() => UpdateOrganizationInput)
  input!: UpdateOrganizationInput;
}
