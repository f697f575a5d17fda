import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  anySignedInUser,
  CheckPolicies,
  CurrentAbility,
  CurrentActor,
  type Actor,
} from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { FollowArgs } from './follow.args';
import { FollowStateModel } from './follow-state.model';
import { FollowService } from './follow.service';

/** Anyone may follow what they may read; the service checks the subject (NOT_FOUND otherwise). */
@Resolver()
export class FollowResolver {
  constructor(private readonly followService: FollowService) {}

  @Mutation(() => Boolean, { description: 'Hear about a subject. NOT_FOUND when you may not read it.' })
  @CheckPolicies(anySignedInUser)
  async follow(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() { subjectType, subjectId }: FollowArgs,
  ): Promise<boolean> {
    await this.followService.choose(actor, ability, subjectType, subjectId, true);
    return true;
  }

  @Mutation(() => Boolean, {
    description:
      'Stop hearing about a subject, even one your organisation takes part in. NOT_FOUND when you may not read it.',
  })
  @CheckPolicies(anySignedInUser)
  async unfollow(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() { subjectType, subjectId }: FollowArgs,
  ): Promise<boolean> {
    await this.followService.choose(actor, ability, subjectType, subjectId, false);
    return true;
  }

  @Query(() => FollowStateModel, {
    description: 'Whether you follow a subject. NOT_FOUND when you may not read it.',
  })
  @CheckPolicies(anySignedInUser)
  async followState(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() { subjectType, subjectId }: FollowArgs,
  ): Promise<FollowStateModel> {
    return this.followService.stateFor(actor, ability, subjectType, subjectId);
  }
}
