import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import {
  DecimalScalar,
  IsCalendarDate,
  IsNonNegativeDecimal,
  IsOptionalNotNull,
  ReasonCodeEnum,
} from '@convergence/server/core';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  REASON_CODES,
  type CommitmentKind,
  type CommitmentStatus,
  type ReasonCode,
} from '@convergence/shared/domain';
import { CommitmentKindEnum, CommitmentStatusEnum } from '../commitment.model';

const NOTE_LENGTH = 2000;

/** The version the writer read: a stale one is CONFLICT. */
const VersionField = () =>
  applyDecorators(
    Field(() => Int, { description: 'The version you read.' }),
    IsInt(),
    Min(1, { context: { min: 1 } }),
  );

@InputType()
export class CreateCommitmentInput {
  @Field()
  @MaxLength(200, { context: { max: 200 } })
  @IsNotEmpty()
  title!: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @MaxLength(5000, { context: { max: 5000 } })
  @IsString()
  description?: string;

  @Field(() => CommitmentKindEnum)
  @IsIn(COMMITMENT_KINDS)
  kind!: CommitmentKind;

  @Field(() => ID, { description: 'The committing organisation.' })
  @IsUUID('all')
  organizationId!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'In MAD. An amount, a quantity, or both.' })
  @IsOptional()
  @IsNonNegativeDecimal()
  amount?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal()
  quantity?: string | null;

  @Field(() => String, { nullable: true, description: 'Required with a quantity: ha, ménages, logements…' })
  @IsOptional()
  @MaxLength(32, { context: { max: 32 } })
  @IsNotEmpty()
  quantityUnit?: string | null;

  @Field({ description: 'ISO date (YYYY-MM-DD), today or later.' })
  @IsCalendarDate()
  dueDate!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  conventionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Its scope (region, province) follows the project.' })
  @IsOptional()
  @IsUUID('all')
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The forum where it was announced.' })
  @IsOptional()
  @IsUUID('all')
  forumId?: string | null;
}

/** Only the fields given change; `amount: null` (or `quantity: null`) drops it if the other remains. */
@InputType()
export class UpdateCommitmentInput {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @VersionField()
  version!: number;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @MaxLength(200, { context: { max: 200 } })
  @IsNotEmpty()
  title?: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @MaxLength(5000, { context: { max: 5000 } })
  @IsString()
  description?: string;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal()
  amount?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @IsNonNegativeDecimal()
  quantity?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(32, { context: { max: 32 } })
  @IsNotEmpty()
  quantityUnit?: string | null;

  @Field({ nullable: true, description: 'ISO date (YYYY-MM-DD); moving it needs a reasonCode.' })
  @IsOptionalNotNull()
  @IsCalendarDate()
  dueDate?: string;

  @Field(() => CommitmentStatusEnum, {
    nullable: true,
    description: 'PLANNED → IN_PROGRESS, or CANCELLED (with a reasonCode).',
  })
  @IsOptionalNotNull()
  @IsIn(COMMITMENT_STATUSES)
  status?: CommitmentStatus;

  @Field(() => ReasonCodeEnum, { nullable: true, description: 'Why the due date moves or it is cancelled.' })
  @IsOptional()
  @IsIn(REASON_CODES)
  reasonCode?: ReasonCode;

  @Field({ nullable: true, description: 'Kept with the due-date move or the cancellation.' })
  @IsOptional()
  @MaxLength(NOTE_LENGTH, { context: { max: NOTE_LENGTH } })
  note?: string;
}

@InputType()
export class DeclareFulfilmentInput {
  @Field(() => ID)
  @IsUUID('all')
  commitmentId!: string;

  @VersionField()
  version!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Fulfilled in MAD by this declaration.' })
  @IsOptional()
  @IsNonNegativeDecimal()
  amount?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Fulfilled in quantityUnit by this declaration.',
  })
  @IsOptional()
  @IsNonNegativeDecimal()
  quantity?: string | null;

  @Field({ description: 'The evidence: what was done, references of documents.' })
  @MaxLength(NOTE_LENGTH, { context: { max: NOTE_LENGTH } })
  @IsNotEmpty()
  note!: string;

  @Field({ description: 'true: all of it (figures default to what remains); false: a part.' })
  @IsBoolean()
  complete!: boolean;
}

@InputType()
export class VerifyFulfilmentInput {
  @Field(() => ID)
  @IsUUID('all')
  commitmentId!: string;

  @VersionField()
  version!: number;

  @Field({ description: 'true: accepted; false: sent back to the organisation (a note is then required).' })
  @IsBoolean()
  accepted!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE_LENGTH, { context: { max: NOTE_LENGTH } })
  note?: string | null;
}
