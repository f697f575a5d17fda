import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionOf, DecimalScalar, registerStringEnum } from '@convergence/server/core';
import {
  HEALTHS,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  type Health,
  type ProjectStatus,
  type ProjectType,
} from '@convergence/shared/domain';
import type { ProgrammeEntity } from './programme.entity';
import type { ProjectEntity } from './project.entity';

export const ProjectStatusEnum = registerStringEnum(PROJECT_STATUSES, 'ProjectStatus');
export const ProjectTypeEnum = registerStringEnum(PROJECT_TYPES, 'ProjectType');
export const HealthEnum = registerStringEnum(HEALTHS, 'Health');

@ObjectType('Programme', { description: 'A national programme (Villes sans bidonvilles, new towns…).' })
export class ProgrammeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;
}

export function toProgrammeModel(entity: ProgrammeEntity): ProgrammeModel {
  return { id: entity.id, code: entity.code, name: entity.name };
}

@ObjectType('KeyFigures', { description: 'What a project delivers, planned and done.' })
export class KeyFiguresModel {
  @Field(() => Int)
  housingUnitsPlanned!: number;

  @Field(() => Int)
  housingUnitsDelivered!: number;

  @Field(() => Int)
  householdsTargeted!: number;

  @Field(() => Int)
  householdsRelocated!: number;

  @Field(() => DecimalScalar)
  hectares!: string;
}

@ObjectType('GeoPoint')
export class GeoPointModel {
  @Field(() => DecimalScalar)
  lat!: string;

  @Field(() => DecimalScalar)
  lng!: string;
}

@ObjectType('Project')
export class ProjectModel {
  @Field(() => ID)
  id!: string;

  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ProjectTypeEnum)
  type!: ProjectType;

  @Field(() => ProjectStatusEnum)
  status!: ProjectStatus;

  @Field(() => HealthEnum, {
    nullable: true,
    description:
      'Derived from schedule, money and freshness (see libs/server/projects/README.md); null once delivered or cancelled.',
  })
  health!: Health | null;

  @Field(() => Float, { description: 'Physical progress, 0 to 100 %.' })
  physicalProgress!: number;

  @Field(() => DecimalScalar, { description: 'Budget in MAD.' })
  budget!: string;

  @Field(() => DecimalScalar, { description: 'Amount spent so far, in MAD.' })
  spentAmount!: string;

  @Field(() => KeyFiguresModel)
  keyFigures!: KeyFiguresModel;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  plannedEndDate!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  actualEndDate!: string | null;

  @Field(() => GeoPointModel, { nullable: true })
  location!: GeoPointModel | null;

  @Field(() => Date, { nullable: true, description: 'When the last progress report was filed.' })
  lastReportedAt!: Date | null;

  @Field()
  updatedAt!: Date;

  @Field(() => Int)
  version!: number;

  /** Resolved by field resolvers through DataLoaders. */
  communeCode!: string;
  leadOrganizationId!: string;
  partnerOrganizationIds!: string[];
  programmeId!: string | null;
}

export const ProjectConnection = ConnectionOf(ProjectModel, 'Project');

export function toProjectModel(entity: ProjectEntity): ProjectModel {
  return {
    id: entity.id,
    code: entity.code,
    title: entity.title,
    description: entity.description,
    type: entity.type,
    status: entity.status,
    health: entity.health ?? null,
    physicalProgress: Number(entity.physicalProgress),
    budget: entity.budget,
    spentAmount: entity.spentAmount,
    keyFigures: {
      housingUnitsPlanned: entity.housingUnitsPlanned,
      housingUnitsDelivered: entity.housingUnitsDelivered,
      householdsTargeted: entity.householdsTargeted,
      householdsRelocated: entity.householdsRelocated,
      hectares: entity.hectares,
    },
    startDate: entity.startDate,
    plannedEndDate: entity.plannedEndDate,
    actualEndDate: entity.actualEndDate,
    location: entity.latitude && entity.longitude ? { lat: entity.latitude, lng: entity.longitude } : null,
    lastReportedAt: entity.lastReportedAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
    communeCode: entity.communeCode,
    leadOrganizationId: entity.leadOrganizationId,
    partnerOrganizationIds: entity.partnerOrganizationIds,
    programmeId: entity.programmeId,
  };
}
