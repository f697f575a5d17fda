import type { FieldProblem } from '@convergence/server/core';
import {
  ACTION_STATUSES_NEEDING_REASON,
  ACTION_TRANSITIONS,
  type ActionStatus,
  type ReasonCode,
} from '@convergence/shared/domain';

/**
 * What is wrong with moving an action from `from` to `to` (PRODUCT.md: OPEN → IN_PROGRESS → DONE,
 * BLOCKED with a reason and back, CANCELLED with a reason and final); empty when the move is allowed.
 * An illegal move names the allowed ones, so that the person knows what to do instead.
 */
export function statusChangeProblems(
  from: ActionStatus,
  to: ActionStatus,
  reasonCode: ReasonCode | null | undefined,
): FieldProblem[] {
  const allowed = ACTION_TRANSITIONS[from];
  if (allowed.length === 0) return [{ field: 'status', key: 'validation.finalStatus', params: { from } }];
  const problems: FieldProblem[] = [];
  if (!allowed.includes(to)) {
    problems.push({
      field: 'status',
      key: 'validation.invalidTransition',
      params: { from, to, allowed: allowed.join(', ') },
    });
  }
  if (needsReason(to) && !reasonCode)
    problems.push({ field: 'reasonCode', key: 'validation.reasonRequired' });
  return problems;
}

/** BLOCKED and CANCELLED keep the reason they were entered with; other statuses have none. */
export function needsReason(status: ActionStatus): boolean {
  return (ACTION_STATUSES_NEEDING_REASON as readonly ActionStatus[]).includes(status);
}
