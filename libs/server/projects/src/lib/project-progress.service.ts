import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  BadUserInputError,
  DEFAULT_PAGE_SIZE,
  todayInMorocco,
  updateVersioned,
  type Actor,
  type Connection,
  type FieldProblem,
  type PageArgs,
} from '@convergence/server/core';
import type { AppAbility } from '@convergence/shared/domain';
import { isUUID } from 'class-validator';
import { Repository } from 'typeorm';
import type { ReportProjectProgressInput } from './inputs/report-progress.input';
import { auditProject, publishProjectReport } from './project-audit';
import { ProjectProgressReportEntity } from './project-progress-report.entity';
import { endBeforeStart, slipWithoutReason, statusProblems } from './project-rules';
import { ProjectEntity } from './project.entity';
import { ProjectService } from './project.service';

/**
 * A journal cursor is the id of the last report seen; the position is read back from that row, so
 * that it keeps PostgreSQL's microseconds (a JavaScript date would round them and skip reports).
 */
function encodeReportCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

function decodeReportCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUUID(id, 'all')) throw new BadUserInputError([{ field: 'after', key: 'validation.cursor' }]);
  return id;
}

/** Two problems on the same field with the same message say it once (a slip and a suspension both want a reason). */
function distinct(problems: FieldProblem[]): FieldProblem[] {
  return [...new Map(problems.map((problem) => [`${problem.field} ${problem.key}`, problem])).values()];
}

/** The progress journal of projects: reports are appended, never changed. */
@Injectable()
export class ProjectProgressService {
  constructor(
    @InjectRepository(ProjectProgressReportEntity)
    private readonly reports: Repository<ProjectProgressReportEntity>,
    private readonly projects: ProjectService,
  ) {}

  /**
   * Files a progress report: one journal entry, the project's new current values, the audit event
   * and the outbox event, in one transaction. What the report leaves out keeps the project's current
   * value. The conditional update makes concurrent reports on one version end with exactly one winner.
   */
  async report(
    actor: Actor,
    ability: AppAbility,
    input: ReportProjectProgressInput,
  ): Promise<ProjectProgressReportEntity> {
    return this.reports.manager.transaction(async (manager) => {
      const before = await this.projects.getForWrite(manager, ability, input.projectId, input.version);
      const status = input.status ?? before.status;
      const physicalProgress = input.physicalProgress ?? Number(before.physicalProgress);
      const movesEnd = input.plannedEndDate != null && input.plannedEndDate !== before.plannedEndDate;
      const problems = distinct([
        ...statusProblems({
          from: before.status,
          to: status,
          physicalProgress,
          reasonCode: input.reasonCode,
        }),
        ...slipWithoutReason(before.plannedEndDate, input.plannedEndDate ?? undefined, input.reasonCode),
        ...endBeforeStart(before.startDate, input.plannedEndDate ?? null),
      ]);
      if (problems.length) throw new BadUserInputError(problems);

      const after = await updateVersioned(manager, ProjectEntity, before.id, before.version, {
        status,
        physicalProgress: String(physicalProgress),
        spentAmount: input.spentAmount ?? undefined,
        housingUnitsDelivered: input.keyFigures?.housingUnitsDelivered ?? undefined,
        householdsRelocated: input.keyFigures?.householdsRelocated ?? undefined,
        hectares: input.keyFigures?.hectares ?? undefined,
        plannedEndDate: movesEnd ? input.plannedEndDate : undefined,
        actualEndDate: status === 'DELIVERED' && before.status !== 'DELIVERED' ? todayInMorocco() : undefined,
        // The same clock as the journal entry's `reported_at` default: the transaction's start.
        lastReportedAt: () => 'now()',
      });
      const { identifiers } = await manager.insert(ProjectProgressReportEntity, {
        projectId: after.id,
        authorUserId: actor.userId,
        previousStatus: before.status,
        status: after.status,
        physicalProgress: after.physicalProgress,
        spentAmount: after.spentAmount,
        housingUnitsDelivered: after.housingUnitsDelivered,
        householdsRelocated: after.householdsRelocated,
        hectares: after.hectares,
        plannedEndDate: movesEnd ? after.plannedEndDate : null,
        note: input.note,
        reasonCode: input.reasonCode ?? null,
      });
      await auditProject(
        manager,
        actor,
        'reportProjectProgress',
        { ...before, reasonCode: null, note: null },
        { ...after, reasonCode: input.reasonCode ?? null, note: input.note },
      );
      await publishProjectReport(manager, actor, before, after, input.reasonCode ?? null);
      return manager.findOneByOrFail(ProjectProgressReportEntity, { id: identifiers[0]['id'] as string });
    });
  }

  /**
   * The same page of the journal (newest first) of several projects the caller already read, in the
   * order of `projectIds`, in two statements whatever their number: the rows ranked per project, and
   * the counts.
   */
  async journalPages(
    projectIds: readonly string[],
    page: PageArgs,
  ): Promise<Connection<ProjectProgressReportEntity>[]> {
    const first = page.first ?? DEFAULT_PAGE_SIZE;
    const afterId = page.after ? decodeReportCursor(page.after) : null;
    const ids = [...projectIds];
    const ranked = this.reports
      .createQueryBuilder()
      .subQuery()
      .select('r.id', 'id')
      .addSelect(
        'row_number() OVER (PARTITION BY r.project_id ORDER BY r.reported_at DESC, r.id DESC)',
        'rank',
      )
      .from(ProjectProgressReportEntity, 'r')
      .where('r.project_id IN (:...ids)');
    if (afterId) {
      ranked.andWhere(
        '(r.reported_at, r.id) < (SELECT c.reported_at, c.id FROM project_progress_report c WHERE c.id = :afterId)',
      );
    }
    const rows = await this.reports
      .createQueryBuilder('report')
      .where(`report.id IN (SELECT ranked.id FROM ${ranked.getQuery()} ranked WHERE ranked.rank <= :limit)`, {
        ids,
        afterId,
        limit: first + 1,
      })
      .orderBy('report.reported_at', 'DESC')
      .addOrderBy('report.id', 'DESC')
      .getMany();
    const counts: { projectId: string; count: string }[] = await this.reports
      .createQueryBuilder('report')
      .select('report.project_id', 'projectId')
      .addSelect('count(*)', 'count')
      .where('report.project_id IN (:...ids)', { ids })
      .groupBy('report.project_id')
      .getRawMany();
    const totals = new Map(counts.map(({ projectId, count }) => [projectId, Number(count)]));
    const rowsOf = new Map<string, ProjectProgressReportEntity[]>();
    for (const row of rows) rowsOf.set(row.projectId, [...(rowsOf.get(row.projectId) ?? []), row]);

    return ids.map((projectId) => {
      const own = rowsOf.get(projectId) ?? [];
      const edges = own.slice(0, first).map((node) => ({ node, cursor: encodeReportCursor(node.id) }));
      return {
        edges,
        pageInfo: { hasNextPage: own.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: totals.get(projectId) ?? 0,
      };
    });
  }
}
