import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, CheckPolicies, requestLoader, type GraphqlContext } from '@convergence/server/core';
import { TerritoriesArgs, TerritoryArgs } from './inputs/territory.args';
import { TerritoryModel, toTerritoryModel } from './territory.model';
import { TerritoryService } from './territory.service';

@Resolver(() => TerritoryModel)
export class TerritoryResolver {
  constructor(private readonly territoryService: TerritoryService) {}

  @Query(() => [TerritoryModel], {
    description:
      'No argument: the 12 regions. parentCode: its direct children. parentCode and kind: every territory of that kind under it. kind alone: every territory of that kind.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Territory'))
  async territories(@Args() { parentCode, kind }: TerritoriesArgs): Promise<TerritoryModel[]> {
    return (await this.territoryService.list(parentCode, kind)).map(toTerritoryModel);
  }

  @Query(() => TerritoryModel, { nullable: true })
  @CheckPolicies((ability) => ability.can('read', 'Territory'))
  async territory(@Args() { code }: TerritoryArgs): Promise<TerritoryModel | null> {
    const territory = await this.territoryService.findByCode(code);
    return territory && toTerritoryModel(territory);
  }

  @ResolveField(() => TerritoryModel, { nullable: true })
  async parent(
    @Parent() territory: TerritoryModel,
    @Context() context: GraphqlContext,
  ): Promise<TerritoryModel | null> {
    if (!territory.parentCode) return null;
    return territoryLoader(context, this.territoryService).load(territory.parentCode);
  }
}

/** Territories by code for the whole request: every resolver that needs one shares the batch. */
export function territoryLoader(context: GraphqlContext, territories: TerritoryService) {
  return requestLoader<string, TerritoryModel | null>(context, 'territory-by-code', async (codes) =>
    byKeys(codes, (await territories.findByCodes(codes)).map(toTerritoryModel), (t) => t.code),
  );
}
