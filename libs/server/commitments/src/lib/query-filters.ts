import { NotFoundError } from '@convergence/server/core';
import type { TerritoryEntity, TerritoryService } from '@convergence/server/territories';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The territory a filter names; an unknown code is a NOT_FOUND naming it, as for projects. */
export async function filterTerritory(territories: TerritoryService, code: string): Promise<TerritoryEntity> {
  const territory = await territories.findByCode(code);
  if (!territory) throw new NotFoundError('Territory', 'error.unknownTerritory', { code });
  return territory;
}

/**
 * SQL: the ids of the projects lying in a territory subtree (`:<parameter>` is its path pattern), by
 * the commune index of `project` and the path index of `territory`.
 */
export function projectsInSubtreeSql(parameter: string): string {
  return `SELECT p.id FROM project p WHERE p.commune_code IN (SELECT t.code FROM territory t WHERE t.path LIKE :${parameter})`;
}

/**
 * The commitments (alias `commitment`) of a territory, as every list, count, scorecard and dashboard
 * must read them: a region or a prefecture/province by the scope columns the commitment carries
 * (indexed); a smaller territory (préfecture d'arrondissements, commune) by the projects in its
 * subtree, since a commitment has no finer territory of its own. Commitments without a project are
 * regional: they belong to no province or commune.
 */
export function whereCommitmentInTerritory<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  territory: Pick<TerritoryEntity, 'code' | 'kind' | 'path'>,
): SelectQueryBuilder<T> {
  switch (territory.kind) {
    case 'REGION':
      return query.andWhere('commitment.region_code = :commitmentScope', { commitmentScope: territory.code });
    case 'PREFECTURE':
    case 'PROVINCE':
      return query.andWhere('commitment.province_code = :commitmentScope', {
        commitmentScope: territory.code,
      });
    default:
      return query.andWhere(`commitment.project_id IN (${projectsInSubtreeSql('commitmentSubtree')})`, {
        commitmentSubtree: `${territory.path}%`,
      });
  }
}

/**
 * For a DataLoader of lists: the rows under each of `keys`, in the order of `keys`. A row may belong
 * to several keys (a convention funding two projects).
 */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keysOf: (row: V) => K[]): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) for (const key of keysOf(row)) groups.get(key)?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
