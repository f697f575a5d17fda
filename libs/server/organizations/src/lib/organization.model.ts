import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { registerStringEnum } from '@convergence/server/core';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@convergence/shared/domain';
import type { OrganizationEntity } from './organization.entity';

export const OrganizationKindEnum = registerStringEnum(ORGANIZATION_KINDS, 'OrganizationKind');

@ObjectType('Organization')
export class OrganizationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  acronym!: string | null;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field(() => Int)
  version!: number;

  /** Resolved by the `territory` field (its territory of competence; null when national). */
  territoryCode!: string | null;
}

export function toOrganizationModel(entity: OrganizationEntity): OrganizationModel {
  return {
    id: entity.id,
    name: entity.name,
    acronym: entity.acronym,
    kind: entity.kind,
    version: entity.version,
    territoryCode: entity.territoryCode,
  };
}
