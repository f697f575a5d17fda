import type { FieldProblem } from '@convergence/server/core';
import {
  PROJECT_STATUSES_NEEDING_REASON,
  PROJECT_TRANSITIONS,
  type ProjectStatus,
  type ReasonCode,
} from '@convergence/shared/domain';

/**
 * A later planned end is a slip, and a slip needs a reason so that reports can count causes.
 * Setting a first planned end, or bringing it forward, is not a slip.
 */
export function slipWithoutReason(
  currentEnd: string | null,
  newEnd: string | undefined,
  reasonCode: ReasonCode | null | undefined,
): FieldProblem[] {
  const slips = currentEnd !== null && newEnd !== undefined && newEnd > currentEnd;
  return slips && !reasonCode ? [{ field: 'reasonCode', key: 'validation.reasonRequired' }] : [];
}

/** The planned end may not come before the start (both YYYY-MM-DD, so text order is date order). */
export function endBeforeStart(
  startDate: string | null,
  plannedEndDate: string | null,
  field = 'plannedEndDate',
): FieldProblem[] {
  return startDate !== null && plannedEndDate !== null && plannedEndDate < startDate
    ? [{ field, key: 'validation.endBeforeStart' }]
    : [];
}

export interface ProgressReportChange {
  from: ProjectStatus;
  /** The status after the report (the current one when the report does not change it). */
  to: ProjectStatus;
  /** Physical progress after the report. */
  physicalProgress: number;
  reasonCode: ReasonCode | null | undefined;
}

/**
 * The status rules of a progress report (PRODUCT.md): transitions of PROJECT_TRANSITIONS only, and
 * nothing more once DELIVERED or CANCELLED; DELIVERED needs 100 %; SUSPENDED and CANCELLED need a reason.
 */
export function statusProblems({
  from,
  to,
  physicalProgress,
  reasonCode,
}: ProgressReportChange): FieldProblem[] {
  const allowed = PROJECT_TRANSITIONS[from];
  if (allowed.length === 0) return [{ field: 'status', key: 'validation.finalStatus', params: { from } }];
  if (to === from) return [];
  if (!allowed.includes(to)) {
    return [
      {
        field: 'status',
        key: 'validation.invalidTransition',
        params: { from, to, allowed: allowed.join(', ') },
      },
    ];
  }
  const problems: FieldProblem[] = [];
  if (to === 'DELIVERED' && physicalProgress !== 100) {
    problems.push({ field: 'physicalProgress', key: 'validation.deliveredNeedsFullProgress' });
  }
  if ((PROJECT_STATUSES_NEEDING_REASON as readonly ProjectStatus[]).includes(to) && !reasonCode) {
    problems.push({ field: 'reasonCode', key: 'validation.reasonRequired' });
  }
  return problems;
}
