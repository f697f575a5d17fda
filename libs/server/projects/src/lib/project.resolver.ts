import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  byKeys,
  CheckPolicies,
  CurrentAbility,
  CurrentActor,
  mapConnection,
  PageArgs,
  requestLoader,
  type Actor,
  type Connection,
  type GraphqlContext,
  foundOnly,
  nullIfNotFound,
} from '@convergence/server/core';
import {
  OrganizationModel,
  OrganizationService,
  organizationNamedByReadableRow,
} from '@convergence/server/organizations';
import { TerritoryModel, TerritoryService, territoryLoader } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { ProjectArgs } from './inputs/project.args';
import { CreateProjectInput, UpdateProjectArgs } from './inputs/project-write.inputs';
import { ProjectsArgs } from './inputs/projects.args';
import { milestonesByProjectId, progressReportPageByProjectId } from './project.loaders';
import { MilestoneModel } from './project-milestone.model';
import {
  ProjectProgressReportConnection,
  type ProjectProgressReportModel,
} from './project-progress-report.model';
import { ProjectProgressService } from './project-progress.service';
import {
  ProgrammeModel,
  ProjectConnection,
  ProjectModel,
  toProgrammeModel,
  toProjectModel,
} from './project.model';
import { ProjectService } from './project.service';

@Resolver(() => ProjectModel)
export class ProjectResolver {
  constructor(
    private readonly projectService: ProjectService,
    private readonly progressService: ProjectProgressService,
    private readonly organizationService: OrganizationService,
    private readonly territoryService: TerritoryService,
  ) {}

  @Query(() => ProjectConnection, { description: 'The projects you may see, a page at a time.' })
  @CheckPolicies((ability) => ability.can('read', 'Project'))
  async projects(
    @CurrentAbility() ability: AppAbility,
    @Args() args: ProjectsArgs,
  ): Promise<Connection<ProjectModel>> {
    return mapConnection(await this.projectService.list(ability, args), toProjectModel);
  }

  @Query(() => ProjectModel, {
    nullable: true,
    description: 'Null when it does not exist or you may not see it.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Project'))
  async project(
    @CurrentAbility() ability: AppAbility,
    @Args() { id }: ProjectArgs,
  ): Promise<ProjectModel | null> {
    const found = await nullIfNotFound(this.projectService.get(ability, id));
    return found && toProjectModel(found);
  }

  @Mutation(() => ProjectModel)
  @CheckPolicies((ability) => ability.can('create', 'Project'))
  async createProject(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: CreateProjectInput,
  ): Promise<ProjectModel> {
    return toProjectModel(await this.projectService.create(actor, ability, input));
  }

  /** Open to every reader so that a project out of scope answers NOT_FOUND, one in scope FORBIDDEN. */
  @Mutation(() => ProjectModel)
  @CheckPolicies((ability) => ability.can('read', 'Project'))
  async updateProject(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args() args: UpdateProjectArgs,
  ): Promise<ProjectModel> {
    return toProjectModel(await this.projectService.update(actor, ability, args));
  }

  @ResolveField(() => TerritoryModel, { description: 'The commune the project is in.' })
  territory(@Parent() project: ProjectModel, @Context() context: GraphqlContext) {
    return territoryLoader(context, this.territoryService).load(project.communeCode);
  }

  @ResolveField(() => OrganizationModel)
  leadOrganization(@Parent() project: ProjectModel, @Context() context: GraphqlContext) {
    return organizationNamedByReadableRow(context, this.organizationService).load(project.leadOrganizationId);
  }

  @ResolveField(() => [OrganizationModel])
  async partners(
    @Parent() project: ProjectModel,
    @Context() context: GraphqlContext,
  ): Promise<OrganizationModel[]> {
    const loader = organizationNamedByReadableRow(context, this.organizationService);
    return foundOnly(await loader.loadMany(project.partnerOrganizationIds));
  }

  @ResolveField(() => ProgrammeModel, { nullable: true })
  programme(@Parent() project: ProjectModel, @Context() context: GraphqlContext) {
    if (!project.programmeId) return null;
    return requestLoader<string, ProgrammeModel | null>(context, 'programme-by-id', async (ids) =>
      byKeys(ids, (await this.projectService.findProgrammes(ids)).map(toProgrammeModel), (p) => p.id),
    ).load(project.programmeId);
  }

  @ResolveField(() => [MilestoneModel], { description: 'In plan order.' })
  milestones(@Parent() project: ProjectModel, @Context() context: GraphqlContext): Promise<MilestoneModel[]> {
    return milestonesByProjectId(context, this.projectService).load(project.id);
  }

  @ResolveField(() => ProjectProgressReportConnection, { description: 'The progress journal, newest first.' })
  progressReports(
    @Parent() project: ProjectModel,
    @Args() page: PageArgs,
    @Context() context: GraphqlContext,
  ): Promise<Connection<ProjectProgressReportModel>> {
    return progressReportPageByProjectId(context, this.progressService, page).load(project.id);
  }
}
