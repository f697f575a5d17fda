import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CheckPolicies,
  CurrentAbility,
  CurrentActor,
  NotFoundError,
  type Actor,
  type GraphqlContext,
} from '@convergence/server/core';
import { PersonModel, personLoader, UserService } from '@convergence/server/users';
import type { AppAbility } from '@convergence/shared/domain';
import { ReportProjectProgressInput } from './inputs/report-progress.input';
import { ProjectProgressReportModel, toProjectProgressReportModel } from './project-progress-report.model';
import { ProjectProgressService } from './project-progress.service';
import { projectByReadableId } from './project.loaders';
import { ProjectModel } from './project.model';
import { ProjectService } from './project.service';

@Resolver(() => ProjectProgressReportModel)
export class ProjectProgressReportResolver {
  constructor(
    private readonly progressService: ProjectProgressService,
    private readonly projectService: ProjectService,
    private readonly userService: UserService,
  ) {}

  /** Open to every reader so that a project out of scope answers NOT_FOUND, one in scope FORBIDDEN. */
  @Mutation(() => ProjectProgressReportModel, {
    description: 'Files a progress report on a project your organisation leads; the journal keeps every one.',
  })
  @CheckPolicies((ability) => ability.can('read', 'Project'))
  async reportProjectProgress(
    @CurrentActor() actor: Actor,
    @CurrentAbility() ability: AppAbility,
    @Args('input') input: ReportProjectProgressInput,
  ): Promise<ProjectProgressReportModel> {
    return toProjectProgressReportModel(await this.progressService.report(actor, ability, input));
  }

  @ResolveField(() => PersonModel, { nullable: true, description: 'Null for imported or demo reports.' })
  author(
    @Parent() report: ProjectProgressReportModel,
    @Context() context: GraphqlContext,
  ): Promise<PersonModel | null> | null {
    if (!report.authorUserId) return null;
    return personLoader(context, this.userService).load(report.authorUserId);
  }

  @ResolveField(() => ProjectModel, { description: 'The project as it is now.' })
  async project(
    @Parent() report: ProjectProgressReportModel,
    @Context() context: GraphqlContext,
  ): Promise<ProjectModel> {
    // A report is only reached through its project or its filing, so its project is readable.
    const project = await projectByReadableId(context, this.projectService).load(report.projectId);
    if (!project) throw new NotFoundError('Project');
    return project;
  }
}
