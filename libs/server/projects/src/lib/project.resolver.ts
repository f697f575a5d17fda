import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  byKeys,
  CheckPolicies,
  CurrentAbility,
  mapConnection,
  NotFoundError,
  requestLoader,
  type Connection,
  type GraphqlContext,
} from '@convergence/server/core';
import {
  OrganizationModel,
  OrganizationService,
  organizationNamedByReadableRow,
} from '@convergence/server/organizations';
import { TerritoryModel, TerritoryService, territoryLoader } from '@convergence/server/territories';
import type { AppAbility } from '@convergence/shared/domain';
import { ProjectArgs } from './inputs/project.args';
import { ProjectsArgs } from './inputs/projects.args';
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
    try {
      return toProjectModel(await this.projectService.get(ability, id));
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
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
    const partners = await loader.loadMany(project.partnerOrganizationIds);
    return partners.filter(
      (partner): partner is OrganizationModel => partner !== null && !(partner instanceof Error),
    );
  }

  @ResolveField(() => ProgrammeModel, { nullable: true })
  programme(@Parent() project: ProjectModel, @Context() context: GraphqlContext) {
    if (!project.programmeId) return null;
    return requestLoader<string, ProgrammeModel | null>(context, 'programme-by-id', async (ids) =>
      byKeys(ids, (await this.projectService.findProgrammes(ids)).map(toProgrammeModel), (p) => p.id),
    ).load(project.programmeId);
  }
}
