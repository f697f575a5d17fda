import type { Locale } from '@convergence/shared/domain';

/** Territory names exist in French and Arabic (HCP); English readers get the French name. */
export function territoryName(territory: { nameFr: string; nameAr: string }, locale: Locale): string {
  return locale === 'ar' ? territory.nameAr : territory.nameFr;
}
