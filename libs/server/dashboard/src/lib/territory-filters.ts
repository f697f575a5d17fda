import type { TerritoryEntity } from '@convergence/server/territories';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Keeps the rows whose `column` names a territory in the subtree of `territory` (that territory and
 * everything under it), by the path index, as the project and action lists filter.
 */
export function whereInSubtree<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  territory: TerritoryEntity,
): SelectQueryBuilder<T> {
  return query.andWhere(`${column} IN (SELECT t.code FROM territory t WHERE t.path LIKE :territoryPattern)`, {
    territoryPattern: `${territory.path}%`,
  });
}
