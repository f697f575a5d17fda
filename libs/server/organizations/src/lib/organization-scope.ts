import type { TerritorialScope } from '@convergence/shared/domain';
import { NATIONAL_SCOPE } from '@convergence/shared/domain';
import type { TerritoryEntity } from '@convergence/server/territories';

/**
 * The scope an organisation's territory gives its users: national without a territory, the region for
 * a region, the prefecture/province for anything at or below one (a commune council sees its province).
 */
export function scopeOfTerritory(
  territory: Pick<TerritoryEntity, 'kind' | 'regionCode' | 'provinceCode'> | null,
): TerritorialScope {
  if (!territory) return NATIONAL_SCOPE;
  return {
    regionCode: territory.regionCode,
    provinceCode: territory.kind === 'REGION' ? null : territory.provinceCode,
  };
}
