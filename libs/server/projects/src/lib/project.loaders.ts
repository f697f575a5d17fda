import {
  byKeys,
  mapConnection,
  requestLoader,
  type Connection,
  type GraphqlContext,
  type PageArgs,
} from '@convergence/server/core';
import { MilestoneModel, toMilestoneModel } from './project-milestone.model';
import { ProjectProgressReportModel, toProjectProgressReportModel } from './project-progress-report.model';
import type { ProjectProgressService } from './project-progress.service';
import { ProjectModel, toProjectModel } from './project.model';
import type { ProjectService } from './project.service';

/**
 * Projects by id for one request, batched and filtered by the reader's rules: `null` for a project
 * that does not exist or that the reader may not read (a commitment or action may name a project
 * outside the reader's scope, and that project must stay invisible).
 */
export function projectByReadableId(context: GraphqlContext, projects: ProjectService) {
  return requestLoader<string, ProjectModel | null>(context, 'project-by-readable-id', async (ids) => {
    const ability = context.req.ability;
    if (!ability) return ids.map(() => null);
    return byKeys(ids, (await projects.readableByIds(ability, ids)).map(toProjectModel), (p) => p.id);
  });
}

/** The milestones of the projects of a page, one query for all of them (the projects are already read). */
export function milestonesByProjectId(context: GraphqlContext, projects: ProjectService) {
  return requestLoader<string, MilestoneModel[]>(context, 'milestones-by-project-id', async (ids) => {
    const milestones = await projects.milestonesOf(ids);
    return ids.map((id) => milestones.filter((m) => m.projectId === id).map(toMilestoneModel));
  });
}

/**
 * The same page of the progress journal for every project of a page: one loader per page size and
 * cursor, so that all projects asking for `progressReports(first: 3)` share two statements.
 */
export function progressReportPageByProjectId(
  context: GraphqlContext,
  progress: ProjectProgressService,
  page: PageArgs,
) {
  return requestLoader<string, Connection<ProjectProgressReportModel>>(
    context,
    `progress-report-page-by-project-id:${page.first ?? ''}:${page.after ?? ''}`,
    async (ids) =>
      (await progress.journalPages(ids, page)).map((journal) =>
        mapConnection(journal, toProjectProgressReportModel),
      ),
  );
}
