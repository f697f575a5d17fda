import { Query, Resolver } from '@nestjs/graphql';
import { CheckPolicies, CurrentAbility } from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { ForumModel, toForumModel } from './forum.model';
import { ForumService } from './forum.service';

@Resolver(() => ForumModel)
export class ForumResolver {
  constructor(private readonly forumService: ForumService) {}

  @Query(() => [ForumModel], { description: 'The forums you may see, by name.' })
  @CheckPolicies((ability) => ability.can('read', 'Forum'))
  async forums(@CurrentAbility() ability: AppAbility): Promise<ForumModel[]> {
    return (await this.forumService.list(ability)).map(toForumModel);
  }
}
