import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ForumEntity } from './forum.entity';

@ObjectType('Forum')
export class ForumModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  /** Sent back with an update, so that a stale edit fails with CONFLICT instead of overwriting. */
  @Field(() => Int)
  version!: number;
}

/** What a client may see of a row: scope columns and timestamps stay on the server until a page needs them. */
export function toForumModel(entity: ForumEntity): ForumModel {
  return {
    id: entity.id,
    title: entity.title,
    version: entity.version,
  };
}
