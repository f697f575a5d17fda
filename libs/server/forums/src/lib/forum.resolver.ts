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
import {
  OrganizationModel,
  OrganizationService,
  organizationNamedByReadableRow,
} from '@convergence/server/organizations';
import { TerritoryModel, TerritoryService, territoryLoader } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { ForumConnection, ForumModel, toForumModel } from './forum.model';
import { ForumService } from './forum.service';
import { CreateForumInput, UpdateForumArgs } from './inputs/forum.inputs';
import { ForumArgs, ForumsArgs } from './inputs/forums.args';

@Resolver(() => ForumModel)
export class ForumResolver {
  constructor(
    private readonly forumService: ForumService,
    private readonly organizationService: OrganizationService,
    private readonly territoryService: TerritoryService,
  ) {}

  @Query(() => ForumConnection, { description: 'The forums you may see, newest first, a page at a time.' })
  @CheckPolicies((ability) => ability.can('read', 'Forum'))
  async forums(
    @CurrentAbility() ability: AppAbility,
    @Args() args: ForumsArgs,
  ): Promise<Connection<ForumModel>> {
    return mapConnection(await this.forumService.list(ability, args), toForumModel);
  }

  @Query(() => ForumModel, {
    nullable: true,
    description: 'Null when it does not exist or you may not see it.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Forum'))
  async forum(@CurrentAbility() ability: AppAbility, @Args() { id }: ForumArgs): Promise<ForumModel | null> {
    const found = await nullIfNotFound(this.forumService.get(ability, id));
    return found && toForumModel(found);
  }

  @Mutation(() => ForumModel)
  @CheckPolicies((ability) => ability.can('create', 'Forum'))
  async createForum(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateForumInput,
  ): Promise<ForumModel> {
    return toForumModel(await this.forumService.create(actor, ability, input));
  }

  @Mutation(() => ForumModel)
  @CheckPolicies((ability) => ability.can('update', 'Forum'))
  async updateForum(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() args: UpdateForumArgs,
  ): Promise<ForumModel> {
    return toForumModel(await this.forumService.update(actor, ability, args));
  }

  @ResolveField(() => TerritoryModel, {
    nullable: true,
    description: 'The region it is held for; null: national.',
  })
  region(@Parent() forum: ForumModel, @Context() context: GraphqlContext) {
    if (!forum.regionCode) return null;
    return territoryLoader(context, this.territoryService).load(forum.regionCode);
  }

  @ResolveField(() => [OrganizationModel])
  async participants(
    @Parent() forum: ForumModel,
    @Context() context: GraphqlContext,
  ): Promise<OrganizationModel[]> {
    const loader = organizationNamedByReadableRow(context, this.organizationService);
    return foundOnly(await loader.loadMany(forum.participantOrganizationIds));
  }
}
