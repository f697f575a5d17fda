import { recordAudit } from '@convergence/server/audit';
import type { Actor } from '@convergence/server/core';
import { publishChange } from '@convergence/server/outbox';
import type { ReasonCode } from '@convergence/shared/domain';
import type { EntityManager } from 'typeorm';
import type { ProjectMilestoneEntity } from './project-milestone.entity';
import type { ProjectEntity } from './project.entity';

/** A milestone as the trail shows it: what was planned and done, not its row id. */
export type AuditedMilestone = Pick<ProjectMilestoneEntity, 'title' | 'plannedDate' | 'actualDate'>;

/**
 * A project as its trail records it: the row, plus the milestones (a list edited as a whole) and,
 * for a report or a slip, the reason and the note that explain the change.
 */
export type AuditedProject = ProjectEntity & {
  milestones?: AuditedMilestone[];
  reasonCode?: ReasonCode | null;
  note?: string | null;
};

const AUDITED_FIELDS = [
  'code',
  'title',
  'description',
  'type',
  'programmeId',
  'communeCode',
  'leadOrganizationId',
  'partnerOrganizationIds',
  'status',
  'physicalProgress',
  'budget',
  'spentAmount',
  'housingUnitsPlanned',
  'housingUnitsDelivered',
  'householdsTargeted',
  'householdsRelocated',
  'hectares',
  'startDate',
  'plannedEndDate',
  'actualEndDate',
  'latitude',
  'longitude',
  'lastReportedAt',
  'milestones',
  'reasonCode',
  'note',
] as const satisfies readonly (keyof AuditedProject)[];

export function auditedMilestones(milestones: readonly ProjectMilestoneEntity[]): AuditedMilestone[] {
  return milestones.map(({ title, plannedDate, actualDate }) => ({ title, plannedDate, actualDate }));
}

/** One audit event for a change of a project, written with the change's own transaction. */
export function auditProject(
  manager: EntityManager,
  actor: Actor,
  operation: 'createProject' | 'updateProject' | 'reportProjectProgress',
  before: AuditedProject | null,
  after: AuditedProject,
): Promise<void> {
  return recordAudit<AuditedProject>(manager, {
    actorUserId: actor.userId,
    operation,
    subjectType: 'PROJECT',
    subjectId: after.id,
    fields: AUDITED_FIELDS,
    before,
    after,
  });
}

/**
 * The outbox event of a progress report, in its transaction: a status change when the status moved
 * (it says more than the progress that came with it), else the new progress. One event per report.
 */
export function publishProjectReport(
  manager: EntityManager,
  actor: Actor,
  before: ProjectEntity,
  after: ProjectEntity,
  reasonCode: ReasonCode | null,
): Promise<boolean> {
  return after.status === before.status
    ? publishChange(manager, actor.userId, 'PROJECT_PROGRESS_REPORTED', after, {
        physicalProgress: Number(after.physicalProgress),
        previousProgress: Number(before.physicalProgress),
      })
    : publishChange(manager, actor.userId, 'PROJECT_STATUS_CHANGED', after, {
        from: before.status,
        to: after.status,
        reasonCode,
      });
}
