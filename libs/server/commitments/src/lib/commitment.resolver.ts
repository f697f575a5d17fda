import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CheckPolicies,
  CurrentAbility,
  CurrentActor,
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
import {
  conventionByReadableId,
  dueDateChangesByCommitment,
  fulfilmentsByCommitment,
} from './commitment.loaders';
import {
  CommitmentConnection,
  CommitmentFulfilmentModel,
  CommitmentModel,
  DueDateChangeModel,
  toCommitmentModel,
} from './commitment.model';
import { CommitmentService } from './commitment.service';
import { ConventionModel } from './convention.model';
import { ConventionService } from './convention.service';
import {
  CreateCommitmentInput,
  DeclareFulfilmentInput,
  UpdateCommitmentInput,
  VerifyFulfilmentInput,
} from './inputs/commitment.inputs';
import { CommitmentsArgs } from './inputs/commitments.args';
import { IdArgs } from './inputs/id.args';

@Resolver(() => CommitmentModel)
export class CommitmentResolver {
  constructor(
    private readonly commitmentService: CommitmentService,
    private readonly conventionService: ConventionService,
    private readonly organizationService: OrganizationService,
    private readonly projectService: ProjectService,
    private readonly forumService: ForumService,
    private readonly territoryService: TerritoryService,
  ) {}

  @Query(() => CommitmentConnection, { description: 'The commitments you may see, a page at a time.' })
  @CheckPolicies((ability) => ability.can('read', 'Commitment'))
  async commitments(
    @CurrentAbility() ability: AppAbility,
    @Args() args: CommitmentsArgs,
  ): Promise<Connection<CommitmentModel>> {
    return mapConnection(await this.commitmentService.list(ability, args), toCommitmentModel);
  }

  @Query(() => CommitmentModel, {
    nullable: true,
    description: 'Null when it does not exist or you may not see it.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Commitment'))
  async commitment(
    @CurrentAbility() ability: AppAbility,
    @Args() { id }: IdArgs,
  ): Promise<CommitmentModel | null> {
    const found = await nullIfNotFound(this.commitmentService.get(ability, id));
    return found && toCommitmentModel(found);
  }

  @Mutation(() => CommitmentModel, { description: 'Ministry and admin: a new commitment, PLANNED.' })
  @CheckPolicies((ability) => ability.can('create', 'Commitment'))
  async createCommitment(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateCommitmentInput,
  ): Promise<CommitmentModel> {
    return toCommitmentModel(await this.commitmentService.create(actor, ability, input));
  }

  @Mutation(() => CommitmentModel, {
    description:
      'The ministry or an admin: edit, move the due date, start or cancel. The committing organisation: start it.',
  })
  @CheckPolicies((ability) => ability.can('update', 'Commitment') || ability.can('report', 'Commitment'))
  async updateCommitment(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: UpdateCommitmentInput,
  ): Promise<CommitmentModel> {
    return toCommitmentModel(await this.commitmentService.update(actor, ability, input));
  }

  @Mutation(() => CommitmentModel, {
    description: 'The committing organisation declares all or part of it done, with evidence: DECLARED.',
  })
  @CheckPolicies((ability) => ability.can('report', 'Commitment'))
  async declareCommitmentFulfilment(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: DeclareFulfilmentInput,
  ): Promise<CommitmentModel> {
    return toCommitmentModel(await this.commitmentService.declareFulfilment(actor, ability, input));
  }

  @Mutation(() => CommitmentModel, {
    description:
      'The ministry accepts the declaration (FULFILLED or PARTIALLY_FULFILLED) or sends it back (IN_PROGRESS).',
  })
  @CheckPolicies((ability) => ability.can('verify', 'Commitment'))
  async verifyCommitmentFulfilment(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: VerifyFulfilmentInput,
  ): Promise<CommitmentModel> {
    return toCommitmentModel(await this.commitmentService.verifyFulfilment(actor, ability, input));
  }

  @ResolveField(() => OrganizationModel, { description: 'Who committed.' })
  organization(@Parent() commitment: CommitmentModel, @Context() context: GraphqlContext) {
    return organizationNamedByReadableRow(context, this.organizationService).load(commitment.organizationId);
  }

  @ResolveField(() => ProjectModel, {
    nullable: true,
    description: 'Null when none, or one you may not see.',
  })
  project(@Parent() commitment: CommitmentModel, @Context() context: GraphqlContext) {
    if (!commitment.projectId) return null;
    return projectByReadableId(context, this.projectService).load(commitment.projectId);
  }

  @ResolveField(() => ConventionModel, {
    nullable: true,
    description: 'Null when none, or one you may not see.',
  })
  convention(@Parent() commitment: CommitmentModel, @Context() context: GraphqlContext) {
    if (!commitment.conventionId) return null;
    return conventionByReadableId(context, this.conventionService).load(commitment.conventionId);
  }

  @ResolveField(() => ForumModel, { nullable: true, description: 'Null when none, or one you may not see.' })
  forum(@Parent() commitment: CommitmentModel, @Context() context: GraphqlContext) {
    if (!commitment.forumId) return null;
    return forumByReadableId(context, this.forumService).load(commitment.forumId);
  }

  @ResolveField(() => TerritoryModel, {
    nullable: true,
    description: 'Where it applies: the province of its project, else its region; null when national.',
  })
  territory(@Parent() commitment: CommitmentModel, @Context() context: GraphqlContext) {
    if (!commitment.territoryCode) return null;
    return territoryLoader(context, this.territoryService).load(commitment.territoryCode);
  }

  @ResolveField(() => [CommitmentFulfilmentModel], {
    description: 'Every declaration and its verification, oldest first.',
  })
  fulfilments(@Parent() commitment: CommitmentModel, @Context() context: GraphqlContext) {
    return fulfilmentsByCommitment(context, this.commitmentService).load(commitment.id);
  }

  @ResolveField(() => [DueDateChangeModel], { description: 'Every move of the due date, oldest first.' })
  dueDateChanges(@Parent() commitment: CommitmentModel, @Context() context: GraphqlContext) {
    return dueDateChangesByCommitment(context, this.commitmentService).load(commitment.id);
  }
}
