import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CommitmentEntity } from './commitment.entity';

@ObjectType('Commitment')
export class CommitmentModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  /** Sent back with an update, so that a stale edit fails with CONFLICT instead of overwriting. */
  @Field(() => Int)
  version!: number;
}

/** What a client may see of a row: scope columns and timestamps stay on the server until a page needs them. */
export function toCommitmentModel(entity: CommitmentEntity): CommitmentModel {
  return {
    id: entity.id,
    title: entity.title,
    version: entity.version,
  };
}
