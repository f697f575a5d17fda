import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsUUID,
  Max,
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
import {
  PROJECT_STATUSES,
  REASON_CODES,
  type ProjectStatus,
  type ReasonCode,
} from '@convergence/shared/domain';
import { ProjectStatusEnum } from '../project.model';
import { IsHectares, IsKeyFigureCount } from './key-figure.validators';

export const MAX_NOTE_LENGTH = 2000;

@InputType({ description: 'What a project has delivered so far; the figures left out keep their value.' })
export class ReportedKeyFiguresInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsKeyFigureCount()
  housingUnitsDelivered?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsKeyFigureCount()
  householdsRelocated?: number;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsHectares()
  hectares?: string;
}

/** A progress report; what it leaves out keeps the project's current value. */
@InputType()
export class ReportProjectProgressInput {
  @Field(() => ID)
  @IsUUID('all')
  projectId!: string;

  @Field(() => Int, { description: 'The version of the project you read.' })
  @IsInt()
  @Min(1, { context: { min: 1 } })
  version!: number;

  @Field(() => ProjectStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @Field(() => Float, { nullable: true, description: '0 to 100 %, at most 2 decimals.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0, { context: { min: 0 } })
  @Max(100, { context: { max: 100 } })
  physicalProgress?: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount spent so far, in MAD.' })
  @IsOptional()
  @IsNonNegativeDecimal()
  spentAmount?: string;

  @Field(() => ReportedKeyFiguresInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReportedKeyFiguresInput)
  keyFigures?: ReportedKeyFiguresInput;

  @Field(() => String, {
    nullable: true,
    description: 'A new planned end (YYYY-MM-DD); later needs a reason.',
  })
  @IsOptional()
  @IsCalendarDate()
  plannedEndDate?: string;

  @Field({ description: `What happened, 1 to ${MAX_NOTE_LENGTH} characters.` })
  @IsNotEmpty()
  @MaxLength(MAX_NOTE_LENGTH, { context: { max: MAX_NOTE_LENGTH } })
  note!: string;

  @Field(() => ReasonCodeEnum, {
    nullable: true,
    description: 'Required to suspend or cancel, and when the planned end moves later.',
  })
  @IsOptional()
  @IsIn(REASON_CODES)
  reasonCode?: ReasonCode;
}
