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

/**
 * Allowed status changes. A project moves forward one phase at a time (studies may be skipped for
 * works on an already studied site); SUSPENDED can resume any phase that is not finished;
 * DELIVERED and CANCELLED are final.
 */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  PROGRAMMED: ['STUDIES', 'WORKS', 'SUSPENDED', 'CANCELLED'],
  STUDIES: ['WORKS', 'SUSPENDED', 'CANCELLED'],
  WORKS: ['DELIVERED', 'SUSPENDED', 'CANCELLED'],
  SUSPENDED: ['PROGRAMMED', 'STUDIES', 'WORKS', 'CANCELLED'],
  DELIVERED: [],
  CANCELLED: [],
};

/** Entering these statuses needs a reason code. */
export const PROJECT_STATUSES_NEEDING_REASON = [
  'SUSPENDED',
  'CANCELLED',
] as const satisfies readonly ProjectStatus[];

/** A project without a progress report for this many days is stale (health rule, ADR 0008). */
export const PROGRESS_REPORT_FRESHNESS_DAYS = 60;
