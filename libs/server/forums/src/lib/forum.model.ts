import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf } from '@convergence/server/core';
import type { ForumEntity } from './forum.entity';

@ObjectType('Forum', {
  description:
    'A Forum de la Convergence Régionale or a follow-up meeting; one dated after today is scheduled.',
})
export class ForumModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field({ description: 'Such as « Les centres émergents, outil d’équilibre socio-spatial… ».' })
  theme!: string;

  @Field({ description: 'ISO date (YYYY-MM-DD).' })
  heldOn!: string;

  @Field()
  place!: string;

  @Field(() => [String], { description: 'The resolutions adopted, in order.' })
  resolutions!: string[];

  @Field()
  createdAt!: Date;

  /** Sent back with an update, so that a stale edit fails with CONFLICT instead of overwriting. */
  @Field(() => Int)
  version!: number;

  /** Resolved by field resolvers through DataLoaders. */
  regionCode!: string | null;
  participantOrganizationIds!: string[];
}

export const ForumConnection = ConnectionOf(ForumModel, 'Forum');

/** What a client may see of a row: the scope columns and the creator stay on the server. */
export function toForumModel(entity: ForumEntity): ForumModel {
  return {
    id: entity.id,
    title: entity.title,
    theme: entity.theme,
    heldOn: entity.heldOn,
    place: entity.place,
    resolutions: entity.resolutions,
    createdAt: entity.createdAt,
    version: entity.version,
    regionCode: entity.regionCode,
    participantOrganizationIds: entity.participantOrganizationIds,
  };
}
