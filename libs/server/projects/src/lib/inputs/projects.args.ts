import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { OrderDirection, PageArgs } from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';
import {
  HEALTHS,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  type Health,
  type ProjectStatus,
  type ProjectType,
} from '@convergence/shared/domain';
import { HealthEnum, ProjectStatusEnum, ProjectTypeEnum } from '../project.model';

@InputType()
export class ProjectFilter {
  @Field({ nullable: true, description: 'That territory and everything under it.' })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string;

  @Field(() => [ProjectStatusEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(PROJECT_STATUSES.length)
  @IsIn(PROJECT_STATUSES, { each: true })
  status?: ProjectStatus[];

  @Field(() => [ProjectTypeEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(PROJECT_TYPES.length)
  @IsIn(PROJECT_TYPES, { each: true })
  type?: ProjectType[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  programmeId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  leadOrganizationId?: string;

  @Field(() => [HealthEnum], {
    nullable: true,
    description: 'Projects with one of these healths (delivered and cancelled ones have none).',
  })
  @IsOptional()
  @ArrayMaxSize(HEALTHS.length)
  @IsIn(HEALTHS, { each: true })
  health?: Health[];

  @Field({ nullable: true, description: 'Words of the code or title, any case.' })
  @IsOptional()
  @MaxLength(100, { context: { max: 100 } })
  search?: string;
}

export enum ProjectOrderField {
  CODE = 'CODE',
  TITLE = 'TITLE',
  BUDGET = 'BUDGET',
  PHYSICAL_PROGRESS = 'PHYSICAL_PROGRESS',
  UPDATED_AT = 'UPDATED_AT',
  HEALTH = 'HEALTH',
}
registerEnumType(ProjectOrderField, {
  name: 'ProjectOrderField',
  valuesMap: {
    HEALTH: {
      description:
        'By severity: none (delivered, cancelled), ON_TRACK, AT_RISK, OFF_TRACK; DESC puts the worst first.',
    },
  },
});

@InputType()
export class ProjectOrder {
  @Field(() => ProjectOrderField)
  @IsIn(Object.values(ProjectOrderField))
  field!: ProjectOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  @IsIn(Object.values(OrderDirection))
  direction!: OrderDirection;
}

@ArgsType()
export class ProjectsArgs extends PageArgs {
  @Field(() => ProjectFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectFilter)
  filter?: ProjectFilter;

  @Field(() => ProjectOrder, { nullable: true, description: 'Default: by code.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectOrder)
  orderBy?: ProjectOrder;
}
