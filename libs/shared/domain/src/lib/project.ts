/** Project lifecycle (PRODUCT.md): PROGRAMMED → STUDIES → WORKS → DELIVERED; SUSPENDED and back; CANCELLED is final. */
export const PROJECT_STATUSES = [
  'PROGRAMMED',
  'STUDIES',
  'WORKS',
  'DELIVERED',
  'SUSPENDED',
  'CANCELLED',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The kinds of operation the convergence partners deliver (seeds/forum-convergence-casablanca-2018.txt). */
export const PROJECT_TYPES = [
  'SOCIAL_HOUSING',
  'SLUM_RESORPTION',
  'THREATENED_BUILDINGS',
  'URBAN_UPGRADING',
  'PUBLIC_EQUIPMENT',
  'ACTIVITY_ZONE',
  'NEW_URBAN_POLE',
  'NEW_TOWN',
  'EMERGING_CENTRE',
  'OTHER',
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export const HEALTHS = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK'] as const;
export type Health = (typeof HEALTHS)[number];
