import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, OrderDirection, PageArgs } from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  type CommitmentKind,
  type CommitmentStatus,
} from '@convergence/shared/domain';
import { CommitmentKindEnum, CommitmentStatusEnum } from '../commitment.model';

@InputType()
export class CommitmentFilter {
  @Field(() => ID, { nullable: true, description: 'The committing organisation.' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @Field({
    nullable: true,
    description:
      'A region or prefecture/province: the commitments of its scope. A commune: the commitments of its projects.',
  })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string;

  @Field(() => [CommitmentStatusEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(COMMITMENT_STATUSES.length, { context: { max: COMMITMENT_STATUSES.length } })
  @IsIn(COMMITMENT_STATUSES, { each: true })
  status?: CommitmentStatus[];

  @Field({ nullable: true, description: 'true: only the late ones; false: only those that are not.' })
  @IsOptional()
  @IsBoolean()
  late?: boolean;

  @Field({ nullable: true, description: 'Due strictly before this ISO date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  conventionId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  forumId?: string;

  @Field(() => [CommitmentKindEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(COMMITMENT_KINDS.length, { context: { max: COMMITMENT_KINDS.length } })
  @IsIn(COMMITMENT_KINDS, { each: true })
  kind?: CommitmentKind[];

  @Field({ nullable: true, description: 'Words of the title, any case.' })
  @IsOptional()
  @MaxLength(100, { context: { max: 100 } })
  search?: string;
}

export enum CommitmentOrderField {
  DUE_DATE = 'DUE_DATE',
  AMOUNT = 'AMOUNT',
  UPDATED_AT = 'UPDATED_AT',
  STATUS = 'STATUS',
}
registerEnumType(CommitmentOrderField, {
  name: 'CommitmentOrderField',
  description: 'AMOUNT counts a quantity-only commitment as 0 MAD; STATUS follows the workflow order.',
});

@InputType()
export class CommitmentOrder {
  @Field(() => CommitmentOrderField)
  @IsIn(Object.values(CommitmentOrderField))
  field!: CommitmentOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  @IsIn(Object.values(OrderDirection))
  direction!: OrderDirection;
}

@ArgsType()
export class CommitmentsArgs extends PageArgs {
  @Field(() => CommitmentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommitmentFilter)
  filter?: CommitmentFilter;

  @Field(() => CommitmentOrder, { nullable: true, description: 'Default: by due date, soonest first.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommitmentOrder)
  orderBy?: CommitmentOrder;
}
