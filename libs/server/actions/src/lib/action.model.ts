import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ActionEntity } from './action.entity';

@ObjectType('Action')
export class ActionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  /** Sent back with an update, so that a stale edit fails with CONFLICT instead of overwriting. */
  @Field(() => Int)
  version!: number;
}

/** What a client may see of a row: scope columns and timestamps stay on the server until a page needs them. */
export function toActionModel(entity: ActionEntity): ActionModel {
  return {
    id: entity.id,
    title: entity.title,
    version: entity.version,
  };
}
