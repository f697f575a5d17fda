import { Field, Int, ObjectType } from '@nestjs/graphql';
import { registerStringEnum } from '@convergence/server/core';
import { TERRITORY_KINDS, type TerritoryKind } from '@convergence/shared/domain';
import type { TerritoryEntity } from './territory.entity';

export const TerritoryKindEnum = registerStringEnum(TERRITORY_KINDS, 'TerritoryKind');

@ObjectType('Territory', { description: 'A region, prefecture/province or commune of Morocco (HCP codes).' })
export class TerritoryModel {
  @Field({ description: 'HCP code: "06" Casablanca-Settat, "06.141" Casablanca, "06.141.01.0" a commune.' })
  code!: string;

  @Field(() => TerritoryKindEnum)
  kind!: TerritoryKind;

  @Field()
  nameFr!: string;

  @Field()
  nameAr!: string;

  @Field(() => Int, { nullable: true, description: 'Population at the 2024 census (RGPH 2024).' })
  population!: number | null;

  /** Resolved by the parent field resolver; kept off the GraphQL type here. */
  parentCode!: string | null;
}

export function toTerritoryModel(entity: TerritoryEntity): TerritoryModel {
  return {
    code: entity.code,
    kind: entity.kind,
    nameFr: entity.nameFr,
    nameAr: entity.nameAr,
    population: entity.population,
    parentCode: entity.parentCode,
  };
}
