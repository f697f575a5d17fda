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
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  type ActionPriority,
  type ActionStatus,
} from '@convergence/shared/domain';
import { ActionPriorityEnum, ActionStatusEnum } from '../action.model';

@ArgsType()
export class ActionArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;
}

@InputType()
export class ActionFilter {
  @Field({ nullable: true, description: 'Actions located in that territory or anywhere under it.' })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  responsibleOrganizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Responsible for the action or contributing to it.' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @Field(() => [ActionStatusEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(ACTION_STATUSES.length, { context: { max: ACTION_STATUSES.length } })
  @IsIn(ACTION_STATUSES, { each: true })
  status?: ActionStatus[];

  @Field({ nullable: true, description: 'true: only overdue actions; false: none of them.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => [ActionPriorityEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(ACTION_PRIORITIES.length, { context: { max: ACTION_PRIORITIES.length } })
  @IsIn(ACTION_PRIORITIES, { each: true })
  priority?: ActionPriority[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  forumId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @Field({ nullable: true, description: 'Due strictly before this ISO date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @Field({ nullable: true, description: 'Words of the title, any case.' })
  @IsOptional()
  @MaxLength(100, { context: { max: 100 } })
  search?: string;
}

export enum ActionOrderField {
  DUE_DATE = 'DUE_DATE',
  PRIORITY = 'PRIORITY',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(ActionOrderField, { name: 'ActionOrderField' });

@InputType()
export class ActionOrder {
  @Field(() => ActionOrderField)
  @IsIn(Object.values(ActionOrderField))
  field!: ActionOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  @IsIn(Object.values(OrderDirection))
  direction!: OrderDirection;
}

@ArgsType()
export class ActionsArgs extends PageArgs {
  @Field(() => ActionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActionFilter)
  filter?: ActionFilter;

  @Field(() => ActionOrder, { nullable: true, description: 'Default: by due date, soonest first.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActionOrder)
  orderBy?: ActionOrder;
}
