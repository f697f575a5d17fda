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
import { readableActionsByForum } from './action.loaders';
import { ActionConnection, ActionModel, toActionModel } from './action.model';
import { ActionService } from './action.service';
import { CreateActionInput, UpdateActionInput, UpdateActionStatusInput } from './inputs/action.inputs';
import { ActionArgs, ActionsArgs } from './inputs/actions.args';

@Resolver(() => ActionModel)
export class ActionResolver {
  constructor(
    private readonly actionService: ActionService,
    private readonly organizationService: OrganizationService,
    private readonly territoryService: TerritoryService,
    private readonly forumService: ForumService,
    private readonly projectService: ProjectService,
  ) {}

  @Query(() => ActionConnection, { description: 'The actions you may see, a page at a time.' })
  @CheckPolicies((ability) => ability.can('read', 'Action'))
  async actions(
    @CurrentAbility() ability: AppAbility,
    @Args() args: ActionsArgs,
  ): Promise<Connection<ActionModel>> {
    return mapConnection(await this.actionService.list(ability, args), toActionModel);
  }

  @Query(() => ActionModel, {
    nullable: true,
    description: 'Null when it does not exist or you may not see it.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Action'))
  async action(
    @CurrentAbility() ability: AppAbility,
    @Args() { id }: ActionArgs,
  ): Promise<ActionModel | null> {
    const found = await nullIfNotFound(this.actionService.get(ability, id));
    return found && toActionModel(found);
  }

  @Mutation(() => ActionModel)
  @CheckPolicies((ability) => ability.can('create', 'Action'))
  async createAction(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateActionInput,
  ): Promise<ActionModel> {
    return toActionModel(await this.actionService.create(actor, ability, input));
  }

  @Mutation(() => ActionModel, { description: 'The responsible organisation, the ministry or an admin.' })
  @CheckPolicies((ability) => ability.can('report', 'Action') || ability.can('update', 'Action'))
  async updateActionStatus(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateActionStatusInput,
  ): Promise<ActionModel> {
    return toActionModel(await this.actionService.updateStatus(actor, ability, input));
  }

  /** What an action is (title, due date, contributors…) belongs to those who assign actions, not to the responsible organisation. */
  @Mutation(() => ActionModel, { description: 'The ministry or an admin.' })
  @CheckPolicies((ability) => ability.can('update', 'Action'))
  async updateAction(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateActionInput,
  ): Promise<ActionModel> {
    return toActionModel(await this.actionService.update(actor, ability, input));
  }

  @ResolveField(() => OrganizationModel)
  responsibleOrganization(@Parent() action: ActionModel, @Context() context: GraphqlContext) {
    return organizationNamedByReadableRow(context, this.organizationService).load(
      action.responsibleOrganizationId,
    );
  }

  @ResolveField(() => [OrganizationModel])
  async contributors(
    @Parent() action: ActionModel,
    @Context() context: GraphqlContext,
  ): Promise<OrganizationModel[]> {
    const loader = organizationNamedByReadableRow(context, this.organizationService);
    return foundOnly(await loader.loadMany(action.contributorOrganizationIds));
  }

  @ResolveField(() => TerritoryModel, { description: 'Where it happens.' })
  territory(@Parent() action: ActionModel, @Context() context: GraphqlContext) {
    return territoryLoader(context, this.territoryService).load(action.territoryCode);
  }

  @ResolveField(() => ForumModel, {
    nullable: true,
    description: 'Where it was decided; null when none, or when you may not see that forum.',
  })
  forum(@Parent() action: ActionModel, @Context() context: GraphqlContext) {
    if (!action.forumId) return null;
    return forumByReadableId(context, this.forumService).load(action.forumId);
  }

  @ResolveField(() => ProjectModel, {
    nullable: true,
    description: 'The project it serves; null when none, or when you may not see that project.',
  })
  project(@Parent() action: ActionModel, @Context() context: GraphqlContext) {
    if (!action.projectId) return null;
    return projectByReadableId(context, this.projectService).load(action.projectId);
  }
}

/** `Forum.actions`: the forums library does not know actions, so the field is added from here. */
@Resolver(() => ForumModel)
export class ForumActionsResolver {
  constructor(private readonly actionService: ActionService) {}

  @ResolveField(() => [ActionModel], {
    description: 'The actions decided there that you may see, by due date.',
  })
  actions(@Parent() forum: ForumModel, @Context() context: GraphqlContext): Promise<ActionModel[]> {
    return readableActionsByForum(context, this.actionService).load(forum.id);
  }
}
