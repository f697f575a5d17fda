import { Field, ID, ObjectType } from '@nestjs/graphql';
import { byKeys, requestLoader, type GraphqlContext } from '@convergence/server/core';
import type { UserEntity } from './user.entity';
import type { UserService } from './user.service';

/**
 * Someone named by a row the reader may read (the author of a comment, the actor of an audit event):
 * only who they are, never their e-mail, role or organisation, so any signed-in reader may see it.
 */
@ObjectType('Person', { description: 'A user as others see them: id and name only.' })
export class PersonModel {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;
}

export function toPersonModel(entity: UserEntity): PersonModel {
  return { id: entity.id, displayName: entity.displayName };
}

/** People by user id for the whole request, one batched query whatever the number of rows naming them. */
export function personLoader(context: GraphqlContext, users: UserService) {
  return requestLoader<string, PersonModel | null>(context, 'person-by-id', async (ids) =>
    byKeys(ids, (await users.findByIds(ids)).map(toPersonModel), (person) => person.id),
  );
}
