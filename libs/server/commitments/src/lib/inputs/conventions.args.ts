import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { PageArgs } from '@convergence/server/core';
import { IsTerritoryCode } from '@convergence/server/territories';

@InputType()
export class ConventionFilter {
  @Field({
    nullable: true,
    description: 'Conventions of that region, or funding a project in that territory or under it.',
  })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string;

  @Field(() => ID, { nullable: true, description: 'Signed by this organisation.' })
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Funding this project.' })
  @IsOptional()
  @IsUUID('all')
  projectId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  forumId?: string;

  @Field({ nullable: true, description: 'Words of the code or title, any case.' })
  @IsOptional()
  @MaxLength(100, { context: { max: 100 } })
  search?: string;
}

@ArgsType()
export class ConventionsArgs extends PageArgs {
  @Field(() => ConventionFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConventionFilter)
  filter?: ConventionFilter;
}
