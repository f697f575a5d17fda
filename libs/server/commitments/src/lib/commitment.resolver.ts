import { Query, Resolver } from '@nestjs/graphql';
import { CheckPolicies, CurrentAbility } from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { CommitmentModel, toCommitmentModel } from './commitment.model';
import { CommitmentService } from './commitment.service';

@Resolver(() => CommitmentModel)
export class CommitmentResolver {
  constructor(private readonly commitmentService: CommitmentService) {}

  @Query(() => [CommitmentModel], { description: 'The commitments you may see, by name.' })
  @CheckPolicies((ability) => ability.can('read', 'Commitment'))
  async commitments(@CurrentAbility() ability: AppAbility): Promise<CommitmentModel[]> {
    return (await this.commitmentService.list(ability)).map(toCommitmentModel);
  }
}
