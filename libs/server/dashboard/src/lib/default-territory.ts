import type { AbilityActor } from '@convergence/shared/domain';

/**
 * The territory a dashboard shows when the reader names none: the one the reader reads by
 * (PRODUCT.md, "Who may do what"), so that the first picture is theirs. An authority agent reads its
 * prefecture/province, the other territorial roles their region; a national organisation and a
 * partner contributor (who reads where its organisation takes part, anywhere) get all of Morocco
 * (null), which their permissions then narrow.
 */
export function defaultDashboardTerritory({ role, scope }: AbilityActor): string | null {
  if (role === 'PARTNER_CONTRIBUTOR') return null;
  if (role === 'AUTHORITY_AGENT') return scope.provinceCode ?? scope.regionCode;
  return scope.regionCode;
}
