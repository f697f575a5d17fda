import { BadUserInputError, type FieldProblem } from '@convergence/server/core';
import type { CommitmentStatus, ReasonCode } from '@convergence/shared/domain';
import type { CommitmentEntity } from './commitment.entity';
import type { CommitmentFulfilmentEntity } from './commitment-fulfilment.entity';
import { fromHundredths, toHundredths } from './exact-decimal';

/** Once verified (in full or in part) or cancelled, a commitment no longer changes. */
export const CLOSED_COMMITMENT_STATUSES = [
  'FULFILLED',
  'PARTIALLY_FULFILLED',
  'CANCELLED',
] as const satisfies readonly CommitmentStatus[];

/**
 * The status changes `updateCommitment` may make. DECLARED and the verified statuses are reached only
 * through the two-step fulfilment (declare, then verify), never set by hand.
 */
export const COMMITMENT_UPDATE_TRANSITIONS: Readonly<Record<CommitmentStatus, readonly CommitmentStatus[]>> =
  {
    PLANNED: ['IN_PROGRESS', 'CANCELLED'],
    IN_PROGRESS: ['CANCELLED'],
    DECLARED: [],
    FULFILLED: [],
    PARTIALLY_FULFILLED: [],
    CANCELLED: [],
  };

export function isClosed(status: CommitmentStatus): boolean {
  return (CLOSED_COMMITMENT_STATUSES as readonly CommitmentStatus[]).includes(status);
}

/**
 * Why a commitment in `status` can take neither an edit nor a new declaration (reported on `field`),
 * or null: it is closed, or a declaration awaits the ministry's verification (whose figures must be
 * checked against the terms as they were declared).
 */
export function lockedProblem(field: string, status: CommitmentStatus): FieldProblem | null {
  if (isClosed(status)) return { field, key: 'validation.commitmentClosed', params: { status } };
  return status === 'DECLARED' ? { field, key: 'validation.alreadyDeclared' } : null;
}

/**
 * Whether an `updateCommitment` only starts the work (PLANNED → IN_PROGRESS, no other field given,
 * not even null): the one edit the committing organisation makes on its own (the rule `report`). Its
 * terms (title, figures, due date, cancellation) stay with whoever may `update` the commitment.
 */
export function onlyStartsWork(
  from: CommitmentStatus,
  { status, ...otherFields }: { status?: CommitmentStatus | null } & Record<string, unknown>,
): boolean {
  return (
    from === 'PLANNED' &&
    status === 'IN_PROGRESS' &&
    Object.values(otherFields).every((value) => value === undefined)
  );
}

/** Problems of moving from `from` to `to` by `updateCommitment`; cancelling needs a reason. */
export function statusChangeProblems(
  from: CommitmentStatus,
  to: CommitmentStatus,
  reasonCode: ReasonCode | null | undefined,
): FieldProblem[] {
  if (to === from) return [];
  const allowed = COMMITMENT_UPDATE_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    return [
      {
        field: 'status',
        key: 'validation.invalidTransition',
        params: { from, to, allowed: allowed.join(', ') || '—' },
      },
    ];
  }
  return to === 'CANCELLED' && !reasonCode ? [{ field: 'reasonCode', key: 'validation.reasonRequired' }] : [];
}

type Owed = Pick<CommitmentEntity, 'amount' | 'quantity' | 'fulfilledAmount' | 'fulfilledQuantity'>;

export interface Declaration {
  amount?: string | null;
  quantity?: string | null;
  /** The organisation says the whole commitment is honoured. */
  complete: boolean;
}

export interface DeclaredShare {
  amount: string | null;
  quantity: string | null;
}

/**
 * What a declaration claims, checked against what remains owed. `complete` without figures claims
 * everything that remains; a partial declaration must name an amount or a quantity.
 */
export function declaredShare(owed: Owed, declaration: Declaration): DeclaredShare {
  const problems: FieldProblem[] = [];
  const share = (field: 'amount' | 'quantity', promised: string | null, fulfilled: string) => {
    const remaining = promised === null ? 0n : toHundredths(promised) - toHundredths(fulfilled);
    const declared = declaration[field];
    if (declared === null || declared === undefined) {
      return declaration.complete && promised !== null ? fromHundredths(remaining) : null;
    }
    if (toHundredths(declared) > remaining) {
      problems.push({
        field,
        key: 'validation.exceedsRemaining',
        params: { max: fromHundredths(remaining) },
      });
    }
    return fromHundredths(toHundredths(declared));
  };
  const amount = share('amount', owed.amount, owed.fulfilledAmount);
  const quantity = share('quantity', owed.quantity, owed.fulfilledQuantity);
  const claimsNothing = [amount, quantity].every((value) => value === null || toHundredths(value) === 0n);
  if (claimsNothing && !declaration.complete) {
    problems.push({ field: 'amount', key: 'validation.amountOrQuantityRequired' });
  }
  if (problems.length) throw new BadUserInputError(problems);
  return { amount, quantity };
}

export interface AcceptedFulfilment {
  status: Extract<CommitmentStatus, 'FULFILLED' | 'PARTIALLY_FULFILLED'>;
  fulfilledAmount: string;
  fulfilledQuantity: string;
}

/**
 * The ministry accepts a declaration: its figures add to what was fulfilled. The commitment is
 * FULFILLED when the organisation declared it complete or the totals reach what was promised,
 * PARTIALLY_FULFILLED otherwise (and then closed: the rest is recorded as not honoured).
 */
export function acceptFulfilment(
  owed: Owed,
  declared: Pick<CommitmentFulfilmentEntity, 'amount' | 'quantity' | 'complete'>,
): AcceptedFulfilment {
  const fulfilledAmount = toHundredths(owed.fulfilledAmount) + toHundredths(declared.amount ?? '0');
  const fulfilledQuantity = toHundredths(owed.fulfilledQuantity) + toHundredths(declared.quantity ?? '0');
  const reached =
    (owed.amount === null || fulfilledAmount >= toHundredths(owed.amount)) &&
    (owed.quantity === null || fulfilledQuantity >= toHundredths(owed.quantity));
  return {
    status: declared.complete || reached ? 'FULFILLED' : 'PARTIALLY_FULFILLED',
    fulfilledAmount: fromHundredths(fulfilledAmount),
    fulfilledQuantity: fromHundredths(fulfilledQuantity),
  };
}
