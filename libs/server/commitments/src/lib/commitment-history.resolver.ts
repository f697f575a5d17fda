import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@convergence/server/core';
import { PersonModel, UserService, personLoader } from '@convergence/server/users';
import { CommitmentFulfilmentModel, DueDateChangeModel } from './commitment.model';

/** Who declared, verified or moved what in a commitment's history: people, batched per request. */
@Resolver(() => CommitmentFulfilmentModel)
export class CommitmentFulfilmentResolver {
  constructor(private readonly userService: UserService) {}

  @ResolveField(() => PersonModel, {
    nullable: true,
    description: 'Null for declarations loaded with the demo data.',
  })
  declaredBy(@Parent() fulfilment: CommitmentFulfilmentModel, @Context() context: GraphqlContext) {
    if (!fulfilment.declaredByUserId) return null;
    return personLoader(context, this.userService).load(fulfilment.declaredByUserId);
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'Null until verified.' })
  verifiedBy(@Parent() fulfilment: CommitmentFulfilmentModel, @Context() context: GraphqlContext) {
    if (!fulfilment.verifiedByUserId) return null;
    return personLoader(context, this.userService).load(fulfilment.verifiedByUserId);
  }
}

@Resolver(() => DueDateChangeModel)
export class DueDateChangeResolver {
  constructor(private readonly userService: UserService) {}

  @ResolveField(() => PersonModel, { nullable: true })
  changedBy(@Parent() change: DueDateChangeModel, @Context() context: GraphqlContext) {
    if (!change.changedByUserId) return null;
    return personLoader(context, this.userService).load(change.changedByUserId);
  }
}
