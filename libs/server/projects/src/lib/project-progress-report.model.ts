import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf, DecimalScalar, ReasonCodeEnum } from '@convergence/server/core';
import type { ProjectStatus, ReasonCode } from '@convergence/shared/domain';
import type { ProjectProgressReportEntity } from './project-progress-report.entity';
import { ProjectStatusEnum } from './project.model';

@ObjectType('ProjectProgressReport', {
  description: 'One entry of a project’s progress journal: never changed once written.',
})
export class ProjectProgressReportModel {
  @Field(() => ID)
  id!: string;

  @Field()
  reportedAt!: Date;

  @Field(() => ProjectStatusEnum, { description: 'The status before this report.' })
  previousStatus!: ProjectStatus;

  @Field(() => ProjectStatusEnum)
  status!: ProjectStatus;

  @Field(() => Float, { description: 'Physical progress, 0 to 100 %.' })
  physicalProgress!: number;

  @Field(() => DecimalScalar, { description: 'Amount spent so far, in MAD.' })
  spentAmount!: string;

  @Field(() => Int)
  housingUnitsDelivered!: number;

  @Field(() => Int)
  householdsRelocated!: number;

  @Field(() => DecimalScalar)
  hectares!: string;

  @Field(() => String, { nullable: true, description: 'The new planned end, when this report moved it.' })
  plannedEndDate!: string | null;

  @Field()
  note!: string;

  @Field(() => ReasonCodeEnum, { nullable: true })
  reasonCode!: ReasonCode | null;

  /** Resolved by field resolvers through DataLoaders. */
  projectId!: string;
  authorUserId!: string | null;
}

export const ProjectProgressReportConnection = ConnectionOf(
  ProjectProgressReportModel,
  'ProjectProgressReport',
);

export function toProjectProgressReportModel(
  entity: ProjectProgressReportEntity,
): ProjectProgressReportModel {
  return {
    id: entity.id,
    reportedAt: entity.reportedAt,
    previousStatus: entity.previousStatus,
    status: entity.status,
    physicalProgress: Number(entity.physicalProgress),
    spentAmount: entity.spentAmount,
    housingUnitsDelivered: entity.housingUnitsDelivered,
    householdsRelocated: entity.householdsRelocated,
    hectares: entity.hectares,
    plannedEndDate: entity.plannedEndDate,
    note: entity.note,
    reasonCode: entity.reasonCode,
    projectId: entity.projectId,
    authorUserId: entity.authorUserId,
  };
}
