import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDate, PageArgs } from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';

@ArgsType()
export class ForumArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;
}

@InputType()
export class ForumFilter {
  @Field({
    nullable: true,
    description: 'Forums held for the region of that territory (a forum concerns its whole region).',
  })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string;

  @Field({ nullable: true, description: 'Held on or after this ISO date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field({ nullable: true, description: 'Held on or before this ISO date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

@ArgsType()
export class ForumsArgs extends PageArgs {
  @Field(() => ForumFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ForumFilter)
  filter?: ForumFilter;
}
