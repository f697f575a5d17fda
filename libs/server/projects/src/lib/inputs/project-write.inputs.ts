import { ArgsType, Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DecimalScalar,
  IsCalendarDate,
  IsNonNegativeDecimal,
  ReasonCodeEnum,
} from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';
import {
  PROJECT_TYPES,
  REASON_CODES,
  type ProjectStatus,
  type ProjectType,
  type ReasonCode,
} from '@convergence/shared/domain';
import { ProjectStatusEnum, ProjectTypeEnum } from '../project.model';
import { IsHectares, IsKeyFigureCount } from './key-figure.validators';
import { GeoPointInput } from './geo-point.input';

export const MAX_PARTNERS = 50;
export const MAX_MILESTONES = 50;

/** A project starts in one of these phases; the others are reached through progress reports. */
export const INITIAL_PROJECT_STATUSES = [
  'PROGRAMMED',
  'STUDIES',
  'WORKS',
] as const satisfies readonly ProjectStatus[];

@InputType({ description: 'What a project is planned to deliver.' })
export class PlannedKeyFiguresInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsKeyFigureCount()
  housingUnitsPlanned?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsKeyFigureCount()
  householdsTargeted?: number;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsHectares()
  hectares?: string;
}

@InputType()
export class MilestoneInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(200, { context: { max: 200 } })
  title!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  @IsCalendarDate()
  plannedDate!: string;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD), once reached.' })
  @IsOptional()
  @IsCalendarDate()
  actualDate?: string | null;
}

@InputType()
export class MilestoneUpdateInput extends MilestoneInput {
  @Field(() => ID, { nullable: true, description: 'An existing milestone of the project; none: a new one.' })
  @IsOptional()
  @IsUUID('all')
  id?: string | null;
}

@InputType()
export class CreateProjectInput {
  @Field({ description: 'Unique, such as SAO-CS-VSB-CASA.' })
  @IsNotEmpty()
  @MaxLength(40, { context: { max: 40 } })
  code!: string;

  @Field()
  @IsNotEmpty()
  @MaxLength(200, { context: { max: 200 } })
  title!: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(5000, { context: { max: 5000 } })
  description?: string;

  @Field(() => ProjectTypeEnum)
  @IsIn(PROJECT_TYPES)
  type!: ProjectType;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  programmeId?: string | null;

  @Field({ description: 'The commune it is in; its prefecture/province and region follow.' })
  @IsTerritoryCode()
  communeCode!: string;

  @Field(() => ID, { description: 'A subsidiary manager may only name their own organisation.' })
  @IsUUID('all')
  leadOrganizationId!: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_PARTNERS, { context: { max: MAX_PARTNERS } })
  @IsUUID('all', { each: true })
  partnerOrganizationIds?: string[];

  @Field(() => ProjectStatusEnum, { nullable: true, description: 'PROGRAMMED (default), STUDIES or WORKS.' })
  @IsOptional()
  @IsIn(INITIAL_PROJECT_STATUSES)
  status?: ProjectStatus;

  @Field(() => DecimalScalar, { description: 'In MAD.' })
  @IsNonNegativeDecimal()
  budget!: string;

  @Field(() => PlannedKeyFiguresInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlannedKeyFiguresInput)
  keyFigures?: PlannedKeyFiguresInput;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  @IsCalendarDate()
  startDate!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD), not before the start.' })
  @IsCalendarDate()
  plannedEndDate!: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput | null;

  @Field(() => [MilestoneInput], { nullable: true, description: `In plan order, at most ${MAX_MILESTONES}.` })
  @IsOptional()
  @ArrayMaxSize(MAX_MILESTONES, { context: { max: MAX_MILESTONES } })
  @ValidateNested({ each: true })
  @Type(() => MilestoneInput)
  milestones?: MilestoneInput[];
}

/**
 * Only the fields given change (`programmeId: null` and `location: null` clear them). The code and
 * the lead organisation are fixed; status and progress change only through progress reports.
 */
@InputType()
// The commune is fixed at creation: the project's region and province are copied onto its
// commitments and actions, which other libraries own; a project that moves is a new project.
export class UpdateProjectInput extends PartialType(
  OmitType(CreateProjectInput, [
    'code',
    'leadOrganizationId',
    'communeCode',
    'status',
    'milestones',
  ] as const),
  { skipNullProperties: false },
) {
  @Field(() => [MilestoneUpdateInput], {
    nullable: true,
    description: `The whole list, in plan order (at most ${MAX_MILESTONES}): milestones left out are removed.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MILESTONES, { context: { max: MAX_MILESTONES } })
  @ValidateNested({ each: true })
  @Type(() => MilestoneUpdateInput)
  milestones?: MilestoneUpdateInput[];

  @Field(() => ReasonCodeEnum, { nullable: true, description: 'Required when the planned end moves later.' })
  @IsOptional()
  @IsIn(REASON_CODES)
  reasonCode?: ReasonCode | null;
}

@ArgsType()
export class UpdateProjectArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  version!: number;

  @Field(() => UpdateProjectInput)
  @ValidateNested()
  @Type(() => UpdateProjectInput)
  input!: UpdateProjectInput;
}
