import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CheckPolicies,
  CurrentAbility,
  CurrentActor,
  type Actor,
  type GraphqlContext,
} from '@convergence/server/core';
import { TerritoryModel, TerritoryService, territoryLoader } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { CommuneFiguresModel, DashboardModel } from './dashboard.model';
import { DashboardService } from './dashboard.service';
import { defaultDashboardTerritory } from './default-territory';
import { TerritoryScopeArgs } from './inputs/territory-scope.args';
import { PartnerScoreModel } from './partner-score.model';

@Resolver(() => DashboardModel)
export class DashboardResolver {
  constructor(
    private readonly dashboardService: DashboardService,
    private readonly territoryService: TerritoryService,
  ) {}

  @Query(() => [PartnerScoreModel], {
    description:
      'One row per committing organisation over the commitments you may read in the territory (default: all you may read), those with the most late commitments first.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Commitment'))
  partnerScorecard(
    @CurrentAbility() ability: AppAbility,
    @Args() { territoryCode }: TerritoryScopeArgs,
  ): Promise<PartnerScoreModel[]> {
    return this.dashboardService.partnerScorecard(ability, territoryCode ?? null);
  }

  @Query(() => DashboardModel, {
    description:
      'The picture of a territory (default: the one you read by; all of Morocco for a national organisation) over what you may read there.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Project'))
  dashboard(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() { territoryCode }: TerritoryScopeArgs,
  ): Promise<DashboardModel> {
    return this.dashboardService.dashboard(ability, territoryCode ?? defaultDashboardTerritory(actor));
  }

  @ResolveField(() => TerritoryModel, { nullable: true, description: 'Null: all of Morocco.' })
  territory(@Parent() dashboard: DashboardModel, @Context() context: GraphqlContext) {
    if (dashboard.territoryCode === null) return null;
    return territoryLoader(context, this.territoryService).load(dashboard.territoryCode);
  }
}

@Resolver(() => CommuneFiguresModel)
export class CommuneFiguresResolver {
  constructor(private readonly territoryService: TerritoryService) {}

  @ResolveField(() => TerritoryModel)
  territory(@Parent() figures: CommuneFiguresModel, @Context() context: GraphqlContext) {
    return territoryLoader(context, this.territoryService).load(figures.communeCode);
  }
}
