import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { TERRITORY_KINDS, type TerritoryKind } from '@convergence/shared/domain';
import { TerritoryKindEnum } from '../territory.model';
import { IsTerritoryCode } from './territory-code.validator';

@ArgsType()
export class TerritoriesArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsTerritoryCode()
  parentCode?: string;

  @Field(() => TerritoryKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(TERRITORY_KINDS)
  kind?: TerritoryKind;
}

@ArgsType()
export class TerritoryArgs {
  @Field()
  @IsTerritoryCode()
  code!: string;
}
