/**
 * Why a date slips, a project is suspended or cancelled, an action is blocked or a commitment's due
 * date moves. A closed list, so that reports can count causes; the note says the rest.
 */
export const REASON_CODES = [
  'LAND_NOT_AVAILABLE',
  'FUNDING_DELAY',
  'PERMIT_DELAY',
  'RELOCATION_DELAY',
  'STUDIES_REVISED',
  'CONTRACTOR_DEFAULT',
  'PARTNER_REQUEST',
  'FORCE_MAJEURE',
  'OTHER',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
