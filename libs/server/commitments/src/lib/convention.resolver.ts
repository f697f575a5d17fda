import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CheckPolicies,
  CurrentAbility,
  CurrentActor,
  foundOnly,
  mapConnection,
  type Actor,
  type Connection,
  type GraphqlContext,
  nullIfNotFound,
} from '@convergence/server/core';
import { ForumModel, ForumService, forumByReadableId } from '@convergence/server/forums';
import {
  OrganizationModel,
  OrganizationService,
  organizationNamedByReadableRow,
} from '@convergence/server/organizations';
import { ProjectModel, ProjectService, projectByReadableId } from '@convergence/server/projects';
import { TerritoryModel, TerritoryService, territoryLoader } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { commitmentsLinkedTo } from './commitment.loaders';
import { CommitmentModel } from './commitment.model';
import { CommitmentService } from './commitment.service';
import { ConventionConnection, ConventionModel, toConventionModel } from './convention.model';
import { ConventionService } from './convention.service';
import { CreateConventionInput, UpdateConventionArgs } from './inputs/convention.inputs';
import { ConventionsArgs } from './inputs/conventions.args';
import { IdArgs } from './inputs/id.args';

@Resolver(() => ConventionModel)
export class ConventionResolver {
  constructor(
    private readonly conventionService: ConventionService,
    private readonly commitmentService: CommitmentService,
    private readonly organizationService: OrganizationService,
    private readonly projectService: ProjectService,
    private readonly forumService: ForumService,
    private readonly territoryService: TerritoryService,
  ) {}

  @Query(() => ConventionConnection, {
    description: 'The conventions you may see, by code, a page at a time.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Convention'))
  async conventions(
    @CurrentAbility() ability: AppAbility,
    @Args() args: ConventionsArgs,
  ): Promise<Connection<ConventionModel>> {
    return mapConnection(await this.conventionService.list(ability, args), toConventionModel);
  }

  @Query(() => ConventionModel, {
    nullable: true,
    description: 'Null when it does not exist or you may not see it.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Convention'))
  async convention(
    @CurrentAbility() ability: AppAbility,
    @Args() { id }: IdArgs,
  ): Promise<ConventionModel | null> {
    const found = await nullIfNotFound(this.conventionService.get(ability, id));
    return found && toConventionModel(found);
  }

  @Mutation(() => ConventionModel)
  @CheckPolicies((ability) => ability.can('create', 'Convention'))
  async createConvention(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateConventionInput,
  ): Promise<ConventionModel> {
    return toConventionModel(await this.conventionService.create(actor, ability, input));
  }

  @Mutation(() => ConventionModel)
  @CheckPolicies((ability) => ability.can('update', 'Convention'))
  async updateConvention(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() args: UpdateConventionArgs,
  ): Promise<ConventionModel> {
    return toConventionModel(await this.conventionService.update(actor, ability, args));
  }

  @ResolveField(() => TerritoryModel, {
    nullable: true,
    description: 'The region it applies to; null: national.',
  })
  region(@Parent() convention: ConventionModel, @Context() context: GraphqlContext) {
    if (!convention.regionCode) return null;
    return territoryLoader(context, this.territoryService).load(convention.regionCode);
  }

  @ResolveField(() => [OrganizationModel], { description: 'The signatories.' })
  async parties(@Parent() convention: ConventionModel, @Context() context: GraphqlContext) {
    const loader = organizationNamedByReadableRow(context, this.organizationService);
    return foundOnly(await loader.loadMany(convention.partyOrganizationIds));
  }

  @ResolveField(() => [ProjectModel], { description: 'The projects it funds that you may see.' })
  async projects(@Parent() convention: ConventionModel, @Context() context: GraphqlContext) {
    const loader = projectByReadableId(context, this.projectService);
    return foundOnly(await loader.loadMany(convention.projectIds));
  }

  @ResolveField(() => [CommitmentModel], { description: 'Each party’s share that you may see, by due date.' })
  commitments(@Parent() convention: ConventionModel, @Context() context: GraphqlContext) {
    return commitmentsLinkedTo(context, this.commitmentService, 'conventionId').load(convention.id);
  }

  @ResolveField(() => ForumModel, { nullable: true, description: 'Null when none, or one you may not see.' })
  forum(@Parent() convention: ConventionModel, @Context() context: GraphqlContext) {
    if (!convention.forumId) return null;
    return forumByReadableId(context, this.forumService).load(convention.forumId);
  }
}
