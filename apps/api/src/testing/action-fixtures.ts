import { ActionEntity } from '@convergence/server/actions';
import { todayInMorocco } from '@convergence/server/core';
import { ForumEntity } from '@convergence/server/forums';
import { OrganizationEntity } from '@convergence/server/organizations';
import { TerritoryEntity } from '@convergence/server/territories';
import type { ActionPriority, ActionStatus } from '@convergence/shared/domain';
import type { DataSource } from 'typeorm';
import type { CreatedUser } from './factories';
import type { TestApi } from './test-api';

/**
 * Forums and actions of the tests' own, inserted straight into the tables (the api's validation
 * is what the tests exercise, not what builds their data). Titles carry `FIXTURE_MARK` and forums are
 * held in `FIXTURE_YEAR`, so that a test can list only its rows whatever the demo data holds.
 */
export const FIXTURE_MARK = 'ZQX';
export const FIXTURE_YEAR = '2090';

/** The calendar day `days` after `date` (YYYY-MM-DD), without time zones getting in the way. */
export function shiftDate(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export async function organizationId(dataSource: DataSource, name: string): Promise<string> {
  return (await dataSource.getRepository(OrganizationEntity).findOneByOrFail({ name })).id;
}

export async function insertForum(
  dataSource: DataSource,
  forum: {
    title: string;
    heldOn: string;
    regionCode: string | null;
    participants?: string[];
    resolutions?: string[];
  },
): Promise<string> {
  const participantOrganizationIds = await Promise.all(
    (forum.participants ?? []).map((name) => organizationId(dataSource, name)),
  );
  const { identifiers } = await dataSource.getRepository(ForumEntity).insert({
    title: forum.title,
    theme: 'Les centres émergents, outil d’équilibre socio-spatial',
    heldOn: forum.heldOn,
    place: 'Casablanca',
    regionCode: forum.regionCode,
    provinceCode: null,
    participantOrganizationIds,
    resolutions: forum.resolutions ?? [],
  });
  return identifiers[0]['id'] as string;
}

export interface ActionFixture {
  title: string;
  territoryCode: string;
  responsible: string;
  contributors?: string[];
  dueDate?: string;
  status?: ActionStatus;
  priority?: ActionPriority;
  forumId?: string;
}

/** An action whose scope columns follow its territory, as the service sets them. */
export async function insertAction(dataSource: DataSource, action: ActionFixture): Promise<string> {
  const territory = await dataSource
    .getRepository(TerritoryEntity)
    .findOneByOrFail({ code: action.territoryCode });
  const { identifiers } = await dataSource.getRepository(ActionEntity).insert({
    title: action.title,
    responsibleOrganizationId: await organizationId(dataSource, action.responsible),
    contributorOrganizationIds: await Promise.all(
      (action.contributors ?? []).map((name) => organizationId(dataSource, name)),
    ),
    territoryCode: territory.code,
    regionCode: territory.regionCode,
    provinceCode: territory.provinceCode,
    forumId: action.forumId ?? null,
    dueDate: action.dueDate ?? shiftDate(todayInMorocco(), 30),
    priority: action.priority ?? 'MEDIUM',
    status: action.status ?? 'OPEN',
  });
  return identifiers[0]['id'] as string;
}

export const ORGANIZATIONS = {
  ministry:
    "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville",
  casablancaCouncil: 'Conseil de la Région Casablanca-Settat',
  wilaya: 'Wilaya de la Région Casablanca-Settat',
  saoCasablanca: 'Société Al Omrane Casablanca-Settat',
  prefectureCasablanca: 'Préfecture de Casablanca',
  nouaceur: 'Province de Nouaceur',
  marrakechCouncil: 'Conseil de la Région Marrakech-Safi',
  saoMarrakech: 'Société Al Omrane Marrakech-Safi',
} as const;

/**
 * One forum per kind of scope and one action per kind of reader:
 * - forums: Casablanca-Settat (with the Wilaya), Marrakech-Safi, and a national one Nouaceur took part in;
 * - actions: in Casablanca's prefecture (the Wilaya responsible, so that the prefecture reads it by
 *   territory only), in Settat province, at the region level (no province), and in Marrakech with
 *   the Province de Nouaceur contributing.
 */
export async function insertScopeScenario(dataSource: DataSource) {
  const forums = {
    casablanca: await insertForum(dataSource, {
      title: `${FIXTURE_MARK} Forum de Casablanca-Settat`,
      heldOn: `${FIXTURE_YEAR}-03-01`,
      regionCode: '06',
      participants: [ORGANIZATIONS.wilaya, ORGANIZATIONS.saoCasablanca],
      resolutions: ['Accélérer la résorption des bidonvilles'],
    }),
    marrakech: await insertForum(dataSource, {
      title: `${FIXTURE_MARK} Forum de Marrakech-Safi`,
      heldOn: `${FIXTURE_YEAR}-02-01`,
      regionCode: '07',
      participants: [ORGANIZATIONS.marrakechCouncil],
    }),
    national: await insertForum(dataSource, {
      title: `${FIXTURE_MARK} Forum national`,
      heldOn: `${FIXTURE_YEAR}-01-01`,
      regionCode: null,
      participants: [ORGANIZATIONS.nouaceur],
    }),
  };
  const actions = {
    casablancaPrefecture: await insertAction(dataSource, {
      title: `${FIXTURE_MARK} Recasement des ménages de Casablanca`,
      territoryCode: '06.141.01.0',
      responsible: ORGANIZATIONS.wilaya,
      forumId: forums.casablanca,
      priority: 'HIGH',
    }),
    settat: await insertAction(dataSource, {
      title: `${FIXTURE_MARK} Apurement foncier à Settat`,
      territoryCode: '06.461',
      responsible: ORGANIZATIONS.saoCasablanca,
      forumId: forums.casablanca,
      priority: 'LOW',
    }),
    casablancaRegion: await insertAction(dataSource, {
      title: `${FIXTURE_MARK} Cofinancement régional`,
      territoryCode: '06',
      responsible: ORGANIZATIONS.casablancaCouncil,
      priority: 'CRITICAL',
    }),
    marrakech: await insertAction(dataSource, {
      title: `${FIXTURE_MARK} Autorisations de lotir à Marrakech`,
      territoryCode: '07.351.01.0',
      responsible: ORGANIZATIONS.saoMarrakech,
      contributors: [ORGANIZATIONS.nouaceur],
      forumId: forums.marrakech,
    }),
  };
  return { forums, actions };
}

/** Signs in a factory-made user and returns its access token. */
export async function signInCreated(api: TestApi, user: CreatedUser): Promise<string> {
  const result = await api.graphql<{ login: { accessToken: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: user.email, p: user.password },
  );
  if (!result.data?.login)
    throw new Error(`sign-in of ${user.email} failed: ${JSON.stringify(result.errors)}`);
  return result.data.login.accessToken;
}

/** How many audit events a subject has for an operation (the trail is written in the write's transaction). */
export async function auditCount(
  dataSource: DataSource,
  subjectId: string,
  operation: string,
): Promise<number> {
  const rows: { count: string }[] = await dataSource.query(
    'SELECT count(*) FROM audit_event WHERE subject_id = $1 AND operation = $2',
    [subjectId, operation],
  );
  return Number(rows[0].count);
}
