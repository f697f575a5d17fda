import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { IsTerritoryCode } from '@convergence/server/territories';

/** The territory of a scorecard or dashboard (what an absent code means is the query's). */
@ArgsType()
export class TerritoryScopeArgs {
  @Field({ nullable: true, description: 'That territory and everything under it.' })
  @IsOptional()
  @IsTerritoryCode()
  territoryCode?: string;
}
