/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@apollo/client';
export type Health =
  | 'AT_RISK'
  | 'OFF_TRACK'
  | 'ON_TRACK';

export type ProjectStatus =
  | 'CANCELLED'
  | 'DELIVERED'
  | 'PROGRAMMED'
  | 'STUDIES'
  | 'SUSPENDED'
  | 'WORKS';

export type TerritoryKind =
  | 'COMMUNE'
  | 'PREFECTURE'
  | 'PREFECTURE_OF_ARRONDISSEMENTS'
  | 'PROVINCE'
  | 'REGION';

export type DashboardTerritoryFragment = { readonly code: string, readonly kind: TerritoryKind, readonly nameFr: string, readonly nameAr: string };

export type DashboardQueryVariables = Exact<{
  territoryCode?: string | null | undefined;
}>;


export type DashboardQuery = { readonly dashboard: { readonly projectCount: number, readonly investmentCommitted: string, readonly investmentRealised: string, readonly housingUnitsPlanned: number, readonly housingUnitsDelivered: number, readonly householdsTargeted: number, readonly householdsRelocated: number, readonly hectares: string, readonly lateCommitmentCount: number, readonly overdueActionCount: number, readonly territory: { readonly code: string, readonly kind: TerritoryKind, readonly nameFr: string, readonly nameAr: string } | null, readonly projectsByStatus: ReadonlyArray<{ readonly status: ProjectStatus, readonly count: number }>, readonly projectsByHealth: ReadonlyArray<{ readonly health: Health, readonly count: number }>, readonly scorecard: ReadonlyArray<{ readonly commitmentCount: number, readonly fulfilledCount: number, readonly lateCount: number, readonly organization: { readonly id: string, readonly name: string, readonly acronym: string | null } }>, readonly byCommune: ReadonlyArray<{ readonly projectCount: number, readonly investment: string, readonly territory: { readonly code: string, readonly kind: TerritoryKind, readonly nameFr: string, readonly nameAr: string } }>, readonly investmentByYear: ReadonlyArray<{ readonly year: number, readonly committed: string, readonly realised: string }> } };

export const DashboardTerritoryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardTerritory"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}}]}}]} as unknown as DocumentNode<DashboardTerritoryFragment, unknown>;
export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"territoryCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dashboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"territoryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"territoryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardTerritory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"projectCount"}},{"kind":"Field","name":{"kind":"Name","value":"investmentCommitted"}},{"kind":"Field","name":{"kind":"Name","value":"investmentRealised"}},{"kind":"Field","name":{"kind":"Name","value":"housingUnitsPlanned"}},{"kind":"Field","name":{"kind":"Name","value":"housingUnitsDelivered"}},{"kind":"Field","name":{"kind":"Name","value":"householdsTargeted"}},{"kind":"Field","name":{"kind":"Name","value":"householdsRelocated"}},{"kind":"Field","name":{"kind":"Name","value":"hectares"}},{"kind":"Field","name":{"kind":"Name","value":"projectsByStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"projectsByHealth"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"health"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lateCommitmentCount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueActionCount"}},{"kind":"Field","name":{"kind":"Name","value":"scorecard"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commitmentCount"}},{"kind":"Field","name":{"kind":"Name","value":"fulfilledCount"}},{"kind":"Field","name":{"kind":"Name","value":"lateCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCommune"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DashboardTerritory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"projectCount"}},{"kind":"Field","name":{"kind":"Name","value":"investment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"investmentByYear"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"committed"}},{"kind":"Field","name":{"kind":"Name","value":"realised"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DashboardTerritory"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Territory"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"nameFr"}},{"kind":"Field","name":{"kind":"Name","value":"nameAr"}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;