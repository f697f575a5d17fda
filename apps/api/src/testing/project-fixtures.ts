import { OrganizationEntity } from '@convergence/server/organizations';
import {
  ProgrammeEntity,
  ProjectEntity,
  ProjectMilestoneEntity,
  ProjectProgressReportEntity,
} from '@convergence/server/projects';
import { TerritoryEntity } from '@convergence/server/territories';
import { UserEntity } from '@convergence/server/users';
import type { DataSource } from 'typeorm';

/** Demo organisations (libs/server/demo) the fixtures name. */
export const SAO_CASABLANCA = 'Société Al Omrane Casablanca-Settat';
export const SAO_MARRAKECH = 'Société Al Omrane Marrakech-Safi';
export const REGION_CASABLANCA = 'Conseil de la Région Casablanca-Settat';
export const AL_OMRANE_HOLDING = 'Groupe Al Omrane';

/** Communes of the dataset: Casablanca (prefecture 06.141) and Marrakech (prefecture 07.351). */
export const CASABLANCA_COMMUNE = '06.141.01.0';
export const MARRAKECH_COMMUNE = '07.351.01.0';

let sequence = 0;

/** A project code no other fixture or demo project has. */
export function uniqueProjectCode(prefix = 'FX'): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

export async function organizationIdNamed(dataSource: DataSource, name: string): Promise<string> {
  return (await dataSource.getRepository(OrganizationEntity).findOneByOrFail({ name })).id;
}

export async function userIdOf(dataSource: DataSource, email: string): Promise<string> {
  return (await dataSource.getRepository(UserEntity).findOneByOrFail({ email })).id;
}

export async function createProgramme(dataSource: DataSource): Promise<ProgrammeEntity> {
  const code = uniqueProjectCode('PRG');
  const repository = dataSource.getRepository(ProgrammeEntity);
  await repository.insert({ code, name: `Programme ${code}` });
  return repository.findOneByOrFail({ code });
}

export interface ProjectFixture {
  /** Name of the lead organisation (default: SAO Casablanca-Settat). */
  lead?: string;
  communeCode?: string;
  codePrefix?: string;
  /** Any column, e.g. a status, progress or dates that give a known health. */
  values?: Partial<Omit<ProjectEntity, 'id' | 'health'>>;
}

/**
 * A project inserted straight into the table, with its scope columns taken from its commune, as the
 * service would set them. Defaults: WORKS in Casablanca led by SAO Casablanca-Settat, 40 % done, on
 * schedule and reported today.
 */
export async function createProjectFixture(
  dataSource: DataSource,
  fixture: ProjectFixture = {},
): Promise<ProjectEntity> {
  const commune = await dataSource
    .getRepository(TerritoryEntity)
    .findOneByOrFail({ code: fixture.communeCode ?? CASABLANCA_COMMUNE });
  const code = uniqueProjectCode(fixture.codePrefix);
  const repository = dataSource.getRepository(ProjectEntity);
  const { identifiers } = await repository.insert({
    code,
    title: `Projet ${code}`,
    type: 'SOCIAL_HOUSING',
    communeCode: commune.code,
    regionCode: commune.regionCode,
    provinceCode: commune.provinceCode ?? commune.code,
    leadOrganizationId: await organizationIdNamed(dataSource, fixture.lead ?? SAO_CASABLANCA),
    partnerOrganizationIds: [],
    status: 'WORKS',
    physicalProgress: '40',
    budget: '100000000.00',
    spentAmount: '40000000.00',
    startDate: '2020-01-01',
    plannedEndDate: '2099-12-31',
    lastReportedAt: new Date(),
    ...fixture.values,
  });
  return repository.findOneByOrFail({ id: identifiers[0]['id'] as string });
}

export async function addMilestones(
  dataSource: DataSource,
  projectId: string,
  titles: string[],
): Promise<void> {
  await dataSource.getRepository(ProjectMilestoneEntity).insert(
    titles.map((title, position) => ({
      projectId,
      position,
      title,
      plannedDate: `2030-0${(position % 9) + 1}-01`,
      actualDate: null,
    })),
  );
}

/** Journal entries an hour apart, the last one an hour ago, so that their order is known. */
export async function addProgressReports(
  dataSource: DataSource,
  project: ProjectEntity,
  notes: string[],
  authorUserId: string | null,
): Promise<void> {
  const now = Date.now();
  await dataSource.getRepository(ProjectProgressReportEntity).insert(
    notes.map((note, index) => ({
      projectId: project.id,
      authorUserId,
      reportedAt: new Date(now - (notes.length - index) * 3_600_000),
      previousStatus: project.status,
      status: project.status,
      physicalProgress: project.physicalProgress,
      spentAmount: project.spentAmount,
      housingUnitsDelivered: 0,
      householdsRelocated: 0,
      hectares: '0',
      plannedEndDate: null,
      note,
      reasonCode: null,
    })),
  );
}
