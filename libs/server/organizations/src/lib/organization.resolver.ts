import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CheckPolicies, CurrentAbility, type GraphqlContext } from '@convergence/server/core';
import { TerritoryModel, TerritoryService, territoryLoader } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { CreateOrganizationInput, UpdateOrganizationArgs } from './inputs/organization-write.inputs';
import { OrganizationsArgs } from './inputs/organizations.args';
import { OrganizationModel, toOrganizationModel } from './organization.model';
import { OrganizationService } from './organization.service';

@Resolver(() => OrganizationModel)
export class OrganizationResolver {
  constructor(
    private readonly organizationService: OrganizationService,
    private readonly territoryService: TerritoryService,
  ) {}

  @Query(() => [OrganizationModel], {
    description:
      'The organisations you may see; territoryCode keeps those competent in that territory or under it.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Organization'))
  async organizations(
    @CurrentAbility() ability: AppAbility,
    @Args() filter: OrganizationsArgs,
  ): Promise<OrganizationModel[]> {
    return (await this.organizationService.list(ability, filter)).map(toOrganizationModel);
  }

  @Mutation(() => OrganizationModel, { description: 'Administrators only.' })
  @CheckPolicies((ability) => ability.can('manage', 'Organization'))
  async createOrganization(
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.organizationService.create(ability, input));
  }

  @Mutation(() => OrganizationModel, {
    description: 'Administrators only. A new territory changes at once what its users may see.',
  })
  @CheckPolicies((ability) => ability.can('manage', 'Organization'))
  async updateOrganization(
    @CurrentAbility() ability: AppAbility,
    @Args() args: UpdateOrganizationArgs,
  ): Promise<OrganizationModel> {
    return toOrganizationModel(await this.organizationService.update(ability, args));
  }

  @ResolveField(() => TerritoryModel, {
    nullable: true,
    description: 'Territory of competence; null when national.',
  })
  territory(@Parent() organization: OrganizationModel, @Context() context: GraphqlContext) {
    if (!organization.territoryCode) return null;
    return territoryLoader(context, this.territoryService).load(organization.territoryCode);
  }
}
