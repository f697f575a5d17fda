/** Morocco → region → prefecture/province → commune, as coded by the HCP. */
export const TERRITORY_KINDS = [
  'REGION',
  'PREFECTURE',
  'PROVINCE',
  'PREFECTURE_OF_ARRONDISSEMENTS',
  'COMMUNE',
] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

/**
 * Where an organisation is competent, and so what its users may see:
 * the whole country, one region, or one prefecture/province (a territory subtree).
 */
export interface TerritorialScope {
  /** null: national competence. */
  regionCode: string | null;
  /** Set only for a scope narrower than a region. */
  provinceCode: string | null;
}

export const NATIONAL_SCOPE: TerritorialScope = { regionCode: null, provinceCode: null };
