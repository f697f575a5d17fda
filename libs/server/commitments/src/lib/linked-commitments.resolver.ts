import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@convergence/server/core';
import { ForumModel } from '@convergence/server/forums';
import { ProjectModel } from '@convergence/server/projects';
import { commitmentsLinkedTo, conventionsByProject } from './commitment.loaders';
import { CommitmentModel } from './commitment.model';
import { CommitmentService } from './commitment.service';
import { ConventionModel } from './convention.model';
import { ConventionService } from './convention.service';

/**
 * `Project.commitments` and `Project.conventions`, defined here because the projects library cannot
 * depend on this one (commitments name projects). Only what the reader may read, batched per page.
 */
@Resolver(() => ProjectModel)
export class ProjectCommitmentsResolver {
  constructor(
    private readonly commitmentService: CommitmentService,
    private readonly conventionService: ConventionService,
  ) {}

  @ResolveField(() => [CommitmentModel], {
    description: 'The commitments for this project you may see, by due date.',
  })
  commitments(@Parent() project: ProjectModel, @Context() context: GraphqlContext) {
    return commitmentsLinkedTo(context, this.commitmentService, 'projectId').load(project.id);
  }

  @ResolveField(() => [ConventionModel], { description: 'The conventions funding this project you may see.' })
  conventions(@Parent() project: ProjectModel, @Context() context: GraphqlContext) {
    return conventionsByProject(context, this.conventionService).load(project.id);
  }
}

/** `Forum.commitments`: the commitments announced at the forum that the reader may read. */
@Resolver(() => ForumModel)
export class ForumCommitmentsResolver {
  constructor(private readonly commitmentService: CommitmentService) {}

  @ResolveField(() => [CommitmentModel], {
    description: 'The commitments announced here you may see, by due date.',
  })
  commitments(@Parent() forum: ForumModel, @Context() context: GraphqlContext) {
    return commitmentsLinkedTo(context, this.commitmentService, 'forumId').load(forum.id);
  }
}
