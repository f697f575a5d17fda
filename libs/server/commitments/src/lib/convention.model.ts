import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf } from '@convergence/server/core';
import type { ConventionEntity } from './convention.entity';

@ObjectType('Convention', {
  description:
    'A signed partnership agreement between organisations, funding projects; each party’s share is a commitment.',
})
export class ConventionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  signedOn!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  /** Sent back with an update, so that a stale edit fails with CONFLICT instead of overwriting. */
  @Field(() => Int)
  version!: number;

  /** Resolved by field resolvers through DataLoaders. */
  regionCode!: string | null;
  partyOrganizationIds!: string[];
  projectIds!: string[];
  forumId!: string | null;
}

export const ConventionConnection = ConnectionOf(ConventionModel, 'Convention');

/** What a client may see of a row: the creator stays on the server. */
export function toConventionModel(entity: ConventionEntity): ConventionModel {
  return {
    id: entity.id,
    code: entity.code,
    title: entity.title,
    description: entity.description,
    signedOn: entity.signedOn,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
    regionCode: entity.regionCode,
    partyOrganizationIds: entity.partyOrganizationIds,
    projectIds: entity.projectIds,
    forumId: entity.forumId,
  };
}
