import { Query, Resolver } from '@nestjs/graphql';
import { CheckPolicies, CurrentAbility } from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { ActionModel, toActionModel } from './action.model';
import { ActionService } from './action.service';

@Resolver(() => ActionModel)
export class ActionResolver {
  constructor(private readonly actionService: ActionService) {}

  @Query(() => [ActionModel], { description: 'The actions you may see, by name.' })
  @CheckPolicies((ability) => ability.can('read', 'Action'))
  async actions(@CurrentAbility() ability: AppAbility): Promise<ActionModel[]> {
    return (await this.actionService.list(ability)).map(toActionModel);
  }
}
