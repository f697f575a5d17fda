/** What an organisation may promise (PRODUCT.md, "Commitment"). */
export const COMMITMENT_KINDS = [
  'FUNDING',
  'LAND',
  'PERMIT',
  'STUDY',
  'WORKS',
  'RELOCATION',
  'OTHER',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/**
 * PLANNED → IN_PROGRESS → DECLARED (the committing organisation says it is done, with evidence) →
 * FULFILLED or PARTIALLY_FULFILLED once a ministry official accepts; sent back, it returns to
 * IN_PROGRESS. CANCELLED needs a reason.
 */
export const COMMITMENT_STATUSES = [
  'PLANNED',
  'IN_PROGRESS',
  'DECLARED',
  'FULFILLED',
  'PARTIALLY_FULFILLED',
  'CANCELLED',
] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/**
 * The statuses in which the committing organisation still owes something: only these can be late.
 * A DECLARED commitment waits on the ministry, not on the partner.
 */
export const OPEN_COMMITMENT_STATUSES = [
  'PLANNED',
  'IN_PROGRESS',
] as const satisfies readonly CommitmentStatus[];
